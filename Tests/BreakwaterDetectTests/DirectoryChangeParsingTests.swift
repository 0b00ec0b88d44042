import BreakwaterModel
import Testing

@testable import BreakwaterDetect

/// How the Entra directory detectors read consent permissions, scopes, MFA properties and
/// targets from the text Entra writes.
@Suite("Directory change parsing")
struct DirectoryChangeParsingTests {
    @Test("the full ConsentAction.Permissions layout yields the added scopes and the consent type")
    func fullPermissionsText() {
        // Given the text of a tenant-wide grant
        let text =
            "[] => [[Id: 1bxfJkR9a0, ClientId: 7c1d5d5e-8a2b-4c1e-9d0f-3b2a1c0d9e8f, PrincipalId: , ResourceId: 4a3b2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d, "
            + "ConsentType: AllPrincipals, Scope:  Mail.Read Mail.Send offline_access, CreatedDateTime: , LastModifiedDateTime: ]]; "

        // When it is read
        let permissions = ConsentPermissions(text)

        // Then the scopes and the consent type come out
        #expect(permissions.granted == ["Mail.Read", "Mail.Send", "offline_access"])
        #expect(permissions.previous.isEmpty)
        #expect(permissions.added == ["Mail.Read", "Mail.Send", "offline_access"])
        #expect(permissions.forAllPrincipals)
    }

    @Test("scopes held before the consent are not added by it")
    func reconsent() {
        let permissions = ConsentPermissions(
            "[[Id: a, ConsentType: Principal, Scope: Mail.Read offline_access]] => [[Id: a, ConsentType: Principal, Scope: mail.read offline_access User.Read]]"
        )
        #expect(permissions.added == ["User.Read"])
        #expect(!permissions.forAllPrincipals)
    }

    @Test("grants to several resources are all read")
    func severalResources() {
        let permissions = ConsentPermissions(
            "[] => [[Id: a, ResourceId: graph, Scope: User.Read Files.Read.All], [Id: b, ResourceId: exchange, Scope: EWS.AccessAsUser.All]]")
        #expect(permissions.added == ["User.Read", "Files.Read.All", "EWS.AccessAsUser.All"])
    }

    @Test("a key ending in Scope is not the Scope field")
    func longerKey() {
        #expect(ConsentPermissions("[] => [[ResourceScope: Directory.ReadWrite.All, Scope: openid]]").added == ["openid"])
    }

    @Test(
        "text without Scope fields still yields what looks like permissions",
        arguments: [
            ("[] => [Mail.Read, offline_access]", ["Mail.Read", "offline_access"]),
            ("Mail.ReadWrite https://outlook.office.com/SMTP.Send", ["Mail.ReadWrite", "https://outlook.office.com/SMTP.Send"]),
            ("", []),
            ("[] => []", []),
            ("=>=>[[Scope:", []),
        ])
    func fallback(text: String, expected: [String]) {
        #expect(ConsentPermissions(text).added == expected)
    }

    @Test(
        "scope risks",
        arguments: [
            ("Mail.Read", ApplicationScopes.Risk.mail), ("mail.readwrite", .mail), ("Mail.Send", .mail), ("MailboxSettings.ReadWrite", .mail),
            ("EWS.AccessAsUser.All", .mail), ("full_access_as_user", .mail), ("IMAP.AccessAsUser.All", .mail),
            ("https://outlook.office.com/POP.AccessAsUser.All", .mail), ("SMTP.Send", .mail), ("Files.Read.All", .files),
            ("Files.ReadWrite.All", .files), ("Sites.FullControl.All", .files), ("Directory.ReadWrite.All", .directoryWrite),
            ("Directory.AccessAsUser.All", .directoryWrite), ("User.ReadWrite.All", .directoryWrite),
            ("RoleManagement.ReadWrite.Directory", .directoryWrite), ("Policy.ReadWrite.ConditionalAccess", .directoryWrite),
        ])
    func riskyScopes(scope: String, risk: ApplicationScopes.Risk) {
        #expect(ApplicationScopes.risk(of: scope) == risk)
    }

    @Test(
        "sign-in scopes carry no risk",
        arguments: ["openid", "profile", "email", "User.Read", "offline_access", "User.ReadWrite", "Files.Read", "Calendars.Read"])
    func benignScopes(scope: String) {
        #expect(ApplicationScopes.risk(of: scope) == nil)
    }

    @Test("values read the same in every spelling")
    func propertyValues() {
        #expect(PropertyValue.isTrue("[\r\n  true\r\n]"))
        #expect(PropertyValue.isTrue("\"$True\""))
        #expect(PropertyValue.isTrue("1"))
        #expect(PropertyValue.isFalse("'False'"))
        #expect(!PropertyValue.isFalse("True"))
        #expect(PropertyValue.isEmpty("$null"))
        #expect(PropertyValue.isEmpty("[\r\n]"))
        #expect(PropertyValue.isEmpty(nil))
        #expect(!PropertyValue.isEmpty("Default"))
        #expect(PropertyValue.unwrapped("[\r\n  \"Global Administrator\"\r\n]") == "Global Administrator")
        #expect(PropertyValue.unwrapped("[[Scope: a]]") == "[[Scope: a]]")
    }

    @Test("MFA method changes: added, replaced, partly and wholly removed")
    func methodChanges() {
        // Given Update user. records changing the methods
        let cases: [(new: String, old: String, expected: StrongAuthentication.MethodChange)] = [
            ("[{\"MethodType\":6},{\"MethodType\":7}]", "[{\"MethodType\":7}]", .registered),
            ("[{\"PhoneNumber\":\"+44 7700 900123\"}]", "[{\"PhoneNumber\":\"+44 7700 900456\"}]", .registered),
            ("[{\"MethodType\":7}]", "[{\"MethodType\":6},{\"MethodType\":7}]", .removedSome),
            ("[]", "[\r\n  {\r\n    \"MethodType\": 6\r\n  }\r\n]", .removedAll),
        ]
        for (new, old, expected) in cases {
            var timeline = ExampleTimeline()
            let property = new.contains("Phone") ? "StrongAuthenticationUserDetails" : "StrongAuthenticationMethod"
            timeline.directoryChange(
                "Update user.", by: "admin@contoso.com", from: nil, target: "megan.bowen@contoso.com", modified: [(property, new, old)])

            // Then each reads as expected
            let change = DirectoryChange(timeline.events[0])
            #expect(StrongAuthentication.methodChange(in: change) == expected, "\(old) → \(new)")
        }
    }

    @Test("per-user MFA is off only when a requirement held before holds none after")
    func requirement() {
        let enforced = "[\r\n  {\r\n    \"RelyingParty\": \"*\",\r\n    \"State\": 1\r\n  }\r\n]"
        for (new, old, removed) in [
            ("[]", enforced, true), (enforced, "[]", false), ("[{\"State\":\"Disabled\"}]", enforced, true), (enforced, enforced, false),
        ] {
            var timeline = ExampleTimeline()
            timeline.directoryChange(
                "Update user.", by: "admin@contoso.com", from: nil, target: "megan.bowen@contoso.com",
                modified: [("StrongAuthenticationRequirement", new, old)])
            #expect(StrongAuthentication.requirementRemoved(in: DirectoryChange(timeline.events[0])) == removed, "\(old) → \(new)")
        }
    }

    @Test("targets: a UPN for users, a name for applications, whatever the id types")
    func targets() {
        // Given a record whose targets list ids before the name, as Entra writes them
        var timeline = ExampleTimeline()
        timeline.append(
            operation: "Consent to application.", recordType: 8, workload: "AzureActiveDirectory", user: "megan.bowen@contoso.com", place: nil,
            result: "Success",
            fields: [
                ("ObjectId", "ServicePrincipal_2f0c1e1d-4b5a-4e6f-8a7b-9c8d7e6f5a4b"),
                (
                    "Target",
                    [
                        ["ID": "ServicePrincipal_2f0c1e1d-4b5a-4e6f-8a7b-9c8d7e6f5a4b", "Type": 2],
                        ["ID": "2f0c1e1d-4b5a-4e6f-8a7b-9c8d7e6f5a4b", "Type": 2],
                        ["ID": "ServicePrincipal", "Type": 2], ["ID": "MailSync Pro", "Type": 1],
                    ]
                ),
            ])
        timeline.directoryChange("Add member to role.", by: "admin@contoso.com", from: nil, target: "Megan.Bowen@contoso.com")

        // Then the application's name and the user's UPN come out
        #expect(DirectoryChange(timeline.events[0]).displayName == "MailSync Pro")
        #expect(DirectoryChange(timeline.events[1]).targetUser == "megan.bowen@contoso.com")
        #expect(DirectoryChange(timeline.events[1]).operation == "add member to role")
    }
}
