import BreakwaterModel

/// The first sign-in after a long silence.
struct SignInDormantAccount: Detector {
    let descriptor = DetectorDescriptor(
        id: "AzureActiveDirectory.SignIn.DormantAccount", title: "Dormant account signs in", category: .dormantAccount,
        severity: .medium, stage: .initialAccess, attack: [.validCloudAccounts],
        explanation: """
            Accounts of people who left, shared mailboxes given a password, and forgotten test accounts keep working long \
            after anyone watches them, and attackers find them in breach dumps. A successful sign-in after the identity has \
            been silent for the threshold is reported: medium from a place it never used, low from a familiar one.
            """,
        falsePositives: """
            People back from long leave sign in from home as usual: low severity. Disable accounts of people who left \
            rather than suppressing this.
            """,
        runbook: """
            Confirm the account is still needed and who uses it. If not, disable it, revoke its sessions and review what it \
            did.
            """,
        thresholds: [silentDays])

    static let silentDays = Threshold("silent_days", default: 30, "days without any activity that make an account dormant")

    let kinds: Set<ActionKind> = [.signInSucceeded]

    func inspect(_ event: Event, in context: inout DetectionContext) {
        let identity = context.identity
        let silence = context.now - identity.lastSeen
        guard identity.signIns > 0, Double(silence) >= context.value(of: Self.silentDays) * 86_400_000 else { return }
        let familiar = event.sourceIP.map(identity.knowsAddress) ?? false
        let days = silence / 86_400_000
        var details = SignInPlace.details(event)
        details["silent_days"] = String(days)
        context.raise(
            Finding(
                key: event.id.description,
                summary: "\(context.user) signed in from \(SignInPlace.describe(event)) after \(days) days without any activity",
                evidence: [event.id], severity: familiar ? .low : .medium, details: details))
    }

    var examples: [DetectorExample] {
        let leaver = "former.employee@contoso.com"
        return [
            DetectorExample("a leaver's account signs in from abroad after 40 days", .raises(.medium)) { timeline in
                timeline.habits(leaver, from: .officeGB, days: 5)
                timeline.at(day: 45, "03:00")
                timeline.signIn(leaver, from: .broadbandUS)
            },
            DetectorExample("back from leave, at home as usual", .raises(.low)) { timeline in
                timeline.habits(leaver, from: .homeGB, days: 5)
                timeline.at(day: 45, "08:00")
                timeline.signIn(leaver, from: .homeGB)
            },
            DetectorExample("a week's holiday", .silent) { timeline in
                timeline.habits(leaver, from: .officeGB, days: 5)
                timeline.at(day: 12, "08:00")
                timeline.signIn(leaver, from: .officeGB)
            },
        ]
    }
}
