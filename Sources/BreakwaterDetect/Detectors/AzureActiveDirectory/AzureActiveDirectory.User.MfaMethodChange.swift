import BreakwaterModel

/// A new or changed MFA method (security info): an attacker's phone enrolled on the account.
struct MfaMethodChange: Detector {
    let descriptor = DetectorDescriptor(
        id: "AzureActiveDirectory.User.MfaMethodChange", title: "MFA method registered or changed", category: .mfaMethodChange,
        severity: .low, stage: .persistence, attack: [.deviceRegistration, .modifyAuthenticationProcess],
        explanation: """
            An attacker who has phished a session registers their own authenticator app or phone number as security info, \
            so that they pass MFA on their own from then on — even after the password is reset. Registrations are read \
            from "User registered security info", "User changed default security info", "Admin registered/updated \
            security info" and "Update user." records that add or replace StrongAuthenticationMethod, \
            StrongAuthenticationPhoneAppDetail or StrongAuthenticationUserDetails entries. A registration is low on its \
            own (people get new phones); medium when it comes from a hosting provider or an anonymising proxy, or — once \
            the identity's habits are learned — from an address it has never signed in from (the corporate proxy, trusted \
            networks and networks many colleagues share excepted); high from an address or session already suspected. \
            Removals and per-user MFA being switched off are left to AzureActiveDirectory.User.MfaDisabled.
            """,
        falsePositives: """
            New phones, reinstalled authenticator apps and helpdesk registrations for a user who lost theirs; new starters \
            enrolling on their first day (low: their habits are not learned yet). A user enrolling from a hotel abroad is \
            medium: confirm with them by phone.
            """,
        runbook: """
            Ask the user whether they registered the method and on which device. If not: delete the method (Entra > user > \
            Authentication methods), revoke sessions, reset the password, and look for the sign-in that preceded the \
            registration — it is usually the attacker's first one.
            """,
        thresholds: [repeatMinutes])

    let kinds: Set<ActionKind> = [.mfaMethodChanged]

    func inspect(_ event: Event, in context: inout DetectionContext) {
        guard event.outcome != .failed else { return }
        let change = DirectoryChange(event)
        if change.operation == "update user" {
            guard StrongAuthentication.methodChange(in: change) == .registered else { return }
        } else {
            guard Self.registrations.contains(change.operation) else { return }
        }

        var severity: Severity = .low
        var reasons: [String] = []
        if let network = event.network, network.isAnonymousProxy {
            severity = .medium
            reasons.append("from an anonymising proxy (\(network.asName ?? "unknown network"))")
        } else if let network = event.network, network.isHostingProvider {
            severity = .medium
            reasons.append("from a hosting provider (\(network.asName ?? "unknown network"))")
        } else if let address = event.sourceIP, context.hasLearned, !context.identity.knowsAddress(address), !Self.isFamiliar(event, in: context) {
            severity = .medium
            reasons.append("from an address this identity has never signed in from")
        }
        if context.isSuspected(event) {
            severity = .high
            reasons.append("from an address or session already suspected")
        }

        let target = change.targetUser ?? context.user
        // The same registration is often logged twice (the security-info record and the
        // `Update user.` behind it): one finding per target, address and severity for a while.
        let repeatKey = "\(target)|\(event.sourceIP?.description ?? "-")|\(severity)"
        guard !context.isQuiet(repeatKey) else { return }
        context.quiet(repeatKey, for: context.milliseconds(ofMinutes: Self.repeatMinutes))

        let whose = target == context.user ? "" : " for \(target)"
        let reasonText = reasons.isEmpty ? "" : ": " + reasons.joined(separator: "; ")
        var details = ["target": target, "operation": event.operation]
        if let address = event.sourceIP { details["address"] = address.description }
        context.raise(
            Finding(
                key: "\(target)|\(event.id)",
                summary: "\(context.user) registered or changed an MFA method\(whose)\(reasonText)",
                evidence: [event.id], severity: severity, details: details))
    }

    /// Whether the event's network is one an address change says nothing about: trusted,
    /// the corporate proxy, Microsoft's own, or one many colleagues use.
    private static func isFamiliar(_ event: Event, in context: DetectionContext) -> Bool {
        guard let network = event.network else { return false }
        if network.isTrusted || network.isCorporateProxy || network.isMicrosoft { return true }
        return network.asn.map(context.tenant.sharesNetwork) ?? false
    }

    /// Security-info operations that add or change a method (lowercased, no trailing period).
    static let registrations: Set<String> = [
        "user registered security info", "user changed default security info", "user registered all required security info",
        "admin registered security info", "admin updated security info",
    ]

    static let repeatMinutes = Threshold(
        "repeat_minutes", default: 10,
        "minutes during which further registrations for the same user, from the same address, at the same severity are folded into the first")

    var examples: [DetectorExample] {
        let megan = "megan.bowen@contoso.com"
        return [
            DetectorExample("a new phone registered from home", .raises(.low)) { timeline in
                timeline.habits(megan, from: .homeGB, days: 10)
                timeline.at(day: 10, "19:30")
                timeline.directoryChange("User registered security info", by: megan, from: .homeGB, target: megan)
                timeline.advance(seconds: 2)
                timeline.directoryChange(
                    "Update user.", by: megan, from: .homeGB, target: megan,
                    modified: [
                        (
                            "StrongAuthenticationMethod", "[{\"MethodType\":6,\"Default\":true},{\"MethodType\":7,\"Default\":false}]",
                            "[{\"MethodType\":7,\"Default\":true}]"
                        )
                    ])
            },
            DetectorExample("a new starter enrolling on their first day", .raises(.low)) { timeline in
                timeline.directoryChange(
                    "User registered security info", by: "new.starter@contoso.com", from: .virginGB, target: "new.starter@contoso.com")
            },
            DetectorExample("an authenticator app added from a hosting provider", .raises(.medium)) { timeline in
                timeline.habits(megan, from: .homeGB, days: 10)
                timeline.at(day: 10, "03:12")
                timeline.directoryChange(
                    "Update user.", by: megan, from: .hostingUS, target: megan,
                    modified: [
                        ("StrongAuthenticationPhoneAppDetail", "[\r\n  {\r\n    \"DeviceName\": \"iPhone 15\"\r\n  }\r\n]", "[]"),
                        ("Included Updated Properties", "StrongAuthenticationPhoneAppDetail", ""),
                    ])
            },
            DetectorExample("security info registered from an address never seen", .raises(.medium)) { timeline in
                timeline.habits(megan, from: .homeGB, days: 10)
                timeline.at(day: 10, "21:05")
                timeline.directoryChange("User registered security info", by: megan, from: .hotelDE, target: megan)
            },
            DetectorExample("security info registered from the session of a hiding rule", .raises(.high)) { timeline in
                timeline.cmdlet(
                    "New-InboxRule", by: megan, from: .hostingNL,
                    parameters: ["Name": ".", "SubjectOrBodyContainsWords": "invoice", "MoveToFolder": "RSS Feeds", "MarkAsRead": "True"])
                timeline.advance(minutes: 3)
                timeline.directoryChange("User registered security info", by: megan, from: .hostingNL, target: megan)
            },
            DetectorExample("a registration through the corporate proxy after the learning period", .raises(.low)) { timeline in
                timeline.habits(megan, from: .homeGB, days: 10)
                timeline.at(day: 10, "10:00")
                timeline.directoryChange("User changed default security info", by: megan, from: .vpnUS, target: megan)
            },
            DetectorExample("methods removed or MFA switched off", .silent) { timeline in
                timeline.directoryChange("User deleted security info", by: megan, from: .homeGB, target: megan)
                timeline.directoryChange("Disable Strong Authentication.", by: "admin@contoso.com", from: nil, target: megan)
                timeline.directoryChange(
                    "Update user.", by: "admin@contoso.com", from: nil, target: megan,
                    modified: [
                        (
                            "StrongAuthenticationMethod", "[{\"MethodType\":7,\"Default\":true}]",
                            "[{\"MethodType\":6,\"Default\":true},{\"MethodType\":7,\"Default\":false}]"
                        )
                    ])
            },
        ]
    }
}
