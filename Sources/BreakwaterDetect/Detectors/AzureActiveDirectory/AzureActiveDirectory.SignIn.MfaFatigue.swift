import BreakwaterModel

/// A flood of MFA prompts denied or ignored, then one approved.
struct SignInMfaFatigue: Detector {
    let descriptor = DetectorDescriptor(
        id: "AzureActiveDirectory.SignIn.MfaFatigue", title: "MFA fatigue: prompts until one is approved", category: .mfaFatigue,
        severity: .high, stage: .initialAccess, attack: [.mfaRequestGeneration],
        explanation: """
            An attacker who has the password sends push prompt after push prompt until the tired or confused user approves \
            one. Denied or timed-out second factors (AADSTS 500121) are counted per identity; more than the threshold within \
            the window followed by a successful sign-in within the window is high severity. The flood alone, without a \
            success, is medium: the password is known to someone.
            """,
        falsePositives: """
            An authenticator app that is broken or set up on a lost phone fails repeatedly, but the user then signs in from \
            their usual place; check the address of the success.
            """,
        runbook: """
            Revoke sessions and reset the password (the attacker has it), review the successful session's activity, and \
            move the user to number matching or a phishing-resistant method.
            """,
        thresholds: [denials, windowMinutes])

    static let denials = Threshold("denials", default: 10, "denials or timeouts above which prompts are a flood")
    static let windowMinutes = Threshold("window_minutes", default: 10, "the window for the flood and the success, in minutes")

    let kinds: Set<ActionKind> = [.mfaFailed, .signInSucceeded]

    func inspect(_ event: Event, in context: inout DetectionContext) {
        let now = context.now
        let window = context.milliseconds(ofMinutes: Self.windowMinutes)
        if event.kind == .mfaFailed {
            let recent = context.withWindow("denials") { denials in
                denials.add(event.sourceIP?.description ?? "", record: event.id, at: now, keeping: 2 * window)
                return Array(denials.entries(since: now - window))
            }
            guard Double(recent.count) > context.value(of: Self.denials), !context.isQuiet("flood") else { return }
            context.quiet("flood", for: window)
            context.raise(
                Finding(
                    key: "flood|\(recent[0].record)",
                    summary: "\(recent.count) MFA prompts denied or unanswered for \(context.user) within \(Int(context.value(of: Self.windowMinutes))) min",
                    evidence: recent.map(\.record), severity: .medium, details: ["denials": String(recent.count)]))
        } else {
            let recent = context.withWindow("denials") { Array($0.entries(since: now - window)) }
            guard Double(recent.count) > context.value(of: Self.denials), !context.isQuiet("approved") else { return }
            context.quiet("approved", for: 2 * window)
            var details = SignInPlace.details(event)
            details["denials"] = String(recent.count)
            context.raise(
                Finding(
                    key: "approved|\(event.id)",
                    summary: "\(context.user) approved an MFA prompt after \(recent.count) denied or unanswered ones; signed in from \(SignInPlace.describe(event))",
                    evidence: recent.map(\.record) + [event.id], details: details))
        }
    }

    var examples: [DetectorExample] {
        let megan = "megan.bowen@contoso.com"
        return [
            DetectorExample("twelve denials, then an approval", .raises(.high)) { timeline in
                for _ in 0..<12 {
                    timeline.signIn(megan, from: .hostingNL, result: .mfaDenied)
                    timeline.advance(seconds: 30)
                }
                timeline.signIn(megan, from: .hostingNL)
            },
            DetectorExample("twelve denials and no approval", .raises(.medium)) { timeline in
                for _ in 0..<12 {
                    timeline.signIn(megan, from: .hostingNL, result: .mfaDenied)
                    timeline.advance(seconds: 30)
                }
            },
            DetectorExample("a missed prompt, then a sign-in", .silent) { timeline in
                timeline.signIn(megan, from: .homeGB, result: .mfaDenied)
                timeline.advance(minutes: 1)
                timeline.signIn(megan, from: .homeGB)
            },
            DetectorExample("denials spread over a day", .silent) { timeline in
                for _ in 0..<12 {
                    timeline.signIn(megan, from: .homeGB, result: .mfaDenied)
                    timeline.advance(minutes: 90)
                }
                timeline.signIn(megan, from: .homeGB)
            },
        ]
    }
}
