import BreakwaterModel

/// A few passwords tried against many accounts: from one source quickly, or from many
/// sources slowly.
struct SignInPasswordSpray: Detector {
    let descriptor = DetectorDescriptor(
        id: "AzureActiveDirectory.SignIn.PasswordSpray", title: "Password spray against the tenant", category: .passwordSpray,
        severity: .medium, stage: .initialAccess, attack: [.passwordSpraying],
        explanation: """
            Sprayers try one or two common passwords against every account they know, to stay under lockout thresholds. \
            Two shapes are recognised. From one source: failed sign-ins for many distinct users from one address within \
            half an hour. Low and slow: over a day, failures for many distinct users from many addresses none of which \
            ever signs anyone in — colleagues who mistype sign in from the same address a moment later, sprayers do not. \
            A successful sign-in from an address that sprayed is high severity, for the identity it signed in.
            """,
        falsePositives: """
            A shared kiosk or a misconfigured application retrying many service accounts from one address. It succeeds for \
            some accounts, which the one-source shape does not discount; suppress the address with a reason if it is known.
            """,
        runbook: """
            Block the sprayer's addresses, check which targeted accounts lack MFA, and treat any account that signed in \
            from a spraying address as compromised.
            """,
        thresholds: [users, windowMinutes, slowUsers, slowSources, slowWindowHours])

    static let users = Threshold("users", default: 15, "distinct users failing from one source that make a spray")
    static let windowMinutes = Threshold("window_minutes", default: 30, "the one-source window, in minutes")
    static let slowUsers = Threshold("slow_users", default: 20, "distinct users failing over the slow window")
    static let slowSources = Threshold("slow_sources", default: 10, "distinct sources, none signing anyone in, over the slow window")
    static let slowWindowHours = Threshold("slow_window_hours", default: 24, "the low-and-slow window, in hours")

    let kinds: Set<ActionKind> = [.signInFailed, .signInSucceeded]

    func inspect(_ event: Event, in context: inout DetectionContext) {
        guard let address = event.sourceIP else { return }
        let now = context.now
        let window = context.milliseconds(ofMinutes: Self.windowMinutes)
        if event.kind == .signInSucceeded {
            // A success from a spraying address: the spray worked for this identity.
            guard let sprayed = context.tenant.failuresBySource[address] else { return }
            let users = Set(sprayed.entries(since: now - 2 * window).map(\.key))
            guard Double(users.count) >= context.value(of: Self.users), !context.isQuiet("success|\(address)") else { return }
            context.quiet("success|\(address)", for: 86_400_000)
            context.raise(
                Finding(
                    key: "success|\(event.id)",
                    summary: "\(context.user) signed in from \(SignInPlace.describe(event)), which had just failed sign-ins for \(users.count) users",
                    evidence: [event.id], severity: .high, details: SignInPlace.details(event)))
            return
        }
        let user = context.user
        context.tenant.failuresBySource[address, default: EventWindow()].add(user, record: event.id, at: now, keeping: 2 * window)
        let slowSpan = Int64(context.value(of: Self.slowWindowHours) * 3_600_000)
        context.tenant.failures.add("\(user)|\(address)", record: event.id, at: now, keeping: slowSpan)

        let fromSource = context.tenant.failuresBySource[address]?.entries(since: now - window) ?? []
        let sourceUsers = Set(fromSource.map(\.key))
        if Double(sourceUsers.count) >= context.value(of: Self.users), !context.tenant.isQuiet("spray|\(address)", at: now) {
            context.tenant.quiet("spray|\(address)", until: now + 3_600_000)
            var details = SignInPlace.details(event)
            details["users"] = String(sourceUsers.count)
            context.raise(
                Finding(
                    key: "source|\(address)|\(fromSource[fromSource.startIndex].record)",
                    summary: "Failed sign-ins for \(sourceUsers.count) users from \(SignInPlace.describe(event)) within \(Int(context.value(of: Self.windowMinutes))) min",
                    evidence: fromSource.map(\.record), details: details, user: ""))
            return
        }
        inspectSlowSpray(event, in: &context, since: now - slowSpan)
    }

    /// Low and slow: many users, many sources, none of which signs anyone in.
    private func inspectSlowSpray(_ event: Event, in context: inout DetectionContext, since start: Int64) {
        let now = context.now
        guard !context.tenant.isQuiet("slow-spray", at: now) else { return }
        var users = Set<Substring>()
        var sources = Set<Substring>()
        var evidence: [RecordID] = []
        for entry in context.tenant.failures.entries(since: start) {
            guard let bar = entry.key.lastIndex(of: "|") else { continue }
            let source = entry.key[entry.key.index(after: bar)...]
            if let address = IPAddress(String(source)), let success = context.tenant.successfulSources[address], success >= start { continue }
            users.insert(entry.key[..<bar])
            sources.insert(source)
            evidence.append(entry.record)
        }
        guard Double(users.count) >= context.value(of: Self.slowUsers), Double(sources.count) >= context.value(of: Self.slowSources) else { return }
        context.tenant.quiet("slow-spray", until: now + 6 * 3_600_000)
        context.raise(
            Finding(
                key: "slow|\(evidence[0])",
                summary: "Low-and-slow password spray: failed sign-ins for \(users.count) users from \(sources.count) addresses that never signed anyone in, over \(Int(context.value(of: Self.slowWindowHours))) h",
                evidence: evidence, details: ["users": String(users.count), "sources": String(sources.count)], user: ""))
    }

    var examples: [DetectorExample] {
        let staff = (1...20).map { "user\($0)@contoso.com" }
        return [
            DetectorExample("one address failing for 20 users in ten minutes", .raises(.medium)) { timeline in
                for user in staff {
                    timeline.signIn(user, from: .hostingNL, agent: ExampleAgents.pythonRequests, result: .wrongPassword)
                    timeline.advance(seconds: 30)
                }
            },
            DetectorExample("the spray works for one account", .raises(.high)) { timeline in
                for user in staff {
                    timeline.signIn(user, from: .hostingNL, agent: ExampleAgents.pythonRequests, result: .wrongPassword)
                    timeline.advance(seconds: 30)
                }
                timeline.signIn("user21@contoso.com", from: .hostingNL, agent: ExampleAgents.pythonRequests)
            },
            DetectorExample("low and slow: 24 users from 12 addresses over a day", .raises(.medium)) { timeline in
                for (index, user) in (staff + ["a@contoso.com", "b@contoso.com", "c@contoso.com", "d@contoso.com"]).enumerated() {
                    timeline.signIn(user, from: ExamplePlace.hostingUS.host(UInt8(10 + index % 12)), result: .wrongPassword)
                    timeline.advance(minutes: 50)
                }
            },
            DetectorExample("a morning of typos: each colleague gets in from the same address", .silent) { timeline in
                for (index, user) in staff.enumerated() {
                    let home = ExamplePlace.virginGB.host(UInt8(10 + index))
                    timeline.signIn(user, from: home, result: .wrongPassword)
                    timeline.advance(seconds: 20)
                    timeline.signIn(user, from: home)
                    timeline.advance(minutes: 10)
                }
            },
            DetectorExample("one address failing for a few users", .silent) { timeline in
                for user in staff.prefix(5) {
                    timeline.signIn(user, from: .officeGB, result: .wrongPassword)
                }
            },
        ]
    }
}
