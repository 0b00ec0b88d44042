import BreakwaterModel

/// Many failed passwords for one identity in minutes, and a success after them.
struct SignInBruteForce: Detector {
    let descriptor = DetectorDescriptor(
        id: "AzureActiveDirectory.SignIn.BruteForce", title: "Password guessing against one account", category: .bruteForce,
        severity: .medium, stage: .initialAccess, attack: [.passwordGuessing],
        explanation: """
            Failed sign-ins for one identity (wrong password, locked or disabled account, unknown user — not MFA prompts) \
            are counted in a sliding window. Reaching the threshold means someone is guessing; a successful sign-in from \
            one of the guessing addresses within the following half hour means they guessed right, and is high severity.
            """,
        falsePositives: """
            A device with an old password retrying in a loop (a phone's mail app after a password change) fails steadily \
            from one home address; the user fixes it by updating the password on the device.
            """,
        runbook: """
            If a success followed, treat the account as compromised: revoke sessions, reset the password, enforce MFA. \
            Otherwise block the source address and check the account has MFA.
            """,
        thresholds: [failures, windowMinutes])

    static let failures = Threshold("failures", default: 20, "failed sign-ins that make a burst")
    static let windowMinutes = Threshold("window_minutes", default: 5, "the window failures are counted in, in minutes")
    /// How long after a burst a success from a guessing address counts.
    static let successSpan: Int64 = 30 * 60_000

    let kinds: Set<ActionKind> = [.signInFailed, .signInSucceeded]

    func inspect(_ event: Event, in context: inout DetectionContext) {
        guard let address = event.sourceIP else { return }
        let now = context.now
        if event.kind == .signInFailed {
            let window = context.milliseconds(ofMinutes: Self.windowMinutes)
            let recent = context.withWindow("failures") { failures in
                failures.add(address.description, record: event.id, at: now, keeping: Self.successSpan + window)
                return Array(failures.entries(since: now - window))
            }
            guard Double(recent.count) >= context.value(of: Self.failures), !context.isQuiet("burst") else { return }
            context.quiet("burst", for: 3_600_000)
            let sources = Set(recent.map(\.key))
            var details = SignInPlace.details(event)
            details["failures"] = String(recent.count)
            details["sources"] = sources.sorted().joined(separator: ", ")
            context.raise(
                Finding(
                    key: recent[recent.startIndex].record.description,
                    summary: "\(recent.count) failed sign-ins for \(context.user) within \(Int(context.value(of: Self.windowMinutes))) min from \(sources.count) address\(sources.count == 1 ? "" : "es")",
                    evidence: recent.map(\.record), details: details))
        } else {
            let failures = context.withWindow("failures") { Array($0.entries(since: now - Self.successSpan)) }
            let fromSource = failures.filter { $0.key == address.description }
            guard Double(failures.count) >= context.value(of: Self.failures), !fromSource.isEmpty, !context.isQuiet("success") else { return }
            context.quiet("success", for: 3_600_000)
            context.raise(
                Finding(
                    key: "success|\(event.id)",
                    summary: "\(context.user) signed in from \(SignInPlace.describe(event)) after \(failures.count) failed attempts, \(fromSource.count) of them from that address",
                    evidence: failures.map(\.record) + [event.id], severity: .high, details: SignInPlace.details(event)))
        }
    }

    var examples: [DetectorExample] {
        let megan = "megan.bowen@contoso.com"
        return [
            DetectorExample("25 wrong passwords in two minutes", .raises(.medium)) { timeline in
                for _ in 0..<25 {
                    timeline.signIn(megan, from: .hostingNL, agent: ExampleAgents.pythonRequests, result: .wrongPassword)
                    timeline.advance(seconds: 4)
                }
            },
            DetectorExample("guessing, then getting in from the same address", .raises(.high)) { timeline in
                for _ in 0..<25 {
                    timeline.signIn(megan, from: .hostingNL, agent: ExampleAgents.pythonRequests, result: .wrongPassword)
                    timeline.advance(seconds: 4)
                }
                timeline.advance(minutes: 3)
                timeline.signIn(megan, from: .hostingNL, agent: ExampleAgents.pythonRequests)
            },
            DetectorExample("two typos, then the right password", .silent) { timeline in
                timeline.signIn(megan, from: .homeGB, result: .wrongPassword)
                timeline.signIn(megan, from: .homeGB, result: .wrongPassword)
                timeline.signIn(megan, from: .homeGB)
            },
            DetectorExample("MFA prompts are not failed passwords", .silent) { timeline in
                for _ in 0..<25 {
                    timeline.signIn(megan, from: .homeGB, result: .mfaRequired)
                }
            },
        ]
    }
}
