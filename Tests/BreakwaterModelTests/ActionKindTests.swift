import BreakwaterTesting
import Testing

@testable import BreakwaterModel

@Suite("Action kinds")
struct ActionKindTests {
    @Test("classifies every kind of action from real record shapes", arguments: [
        ("sts-logon-success-session.json", ActionKind.signInSucceeded),
        ("sts-logon-failed-50126.json", .signInFailed),
        ("sts-logon-mfa-interrupt-50074.json", .mfaChallenged),
        ("sts-logon-mfa-denied-500121.json", .mfaFailed),
        ("legacy-passwordlogon-failed.json", .signInFailed),
        ("exchange-new-inboxrule-move-to-rss.json", .inboxRuleCreated),
        ("quirk-parameters-as-powershell-string.json", .inboxRuleModified),
        ("quirk-parameters-as-json-text.json", .inboxRuleDeleted),
        ("exchange-updateinboxrules-add.json", .inboxRuleCreated),
        ("exchange-set-mailbox-forwarding.json", .mailboxForwardingChanged),
        ("exchange-set-mailbox-retention.json", .other),
        ("exchange-add-mailboxpermission.json", .mailboxPermissionChanged),
        ("exchange-new-transportrule.json", .transportRuleChanged),
        ("exchange-set-mailboxauditbypass.json", .auditConfigurationChanged),
        ("exchange-mailitemsaccessed-bind.json", .mailAccessed),
        ("exchange-send.json", .mailSent),
        ("exchange-harddelete.json", .mailDeleted),
        ("quirk-creationtime-with-z-and-fraction.json", .fileAccessed),
        ("sharepoint-filepreviewed.json", .fileAccessed),
        ("sharepoint-file-downloaded.json", .fileDownloaded),
        ("sharepoint-fileuploaded.json", .fileUploaded),
        ("sharepoint-filemodified.json", .fileModified),
        ("sharepoint-filerecycled.json", .fileDeleted),
        ("sharepoint-filerenamed.json", .fileRenamed),
        ("sharepoint-sharing-invitation.json", .sharingGranted),
        ("sharepoint-anonymous-link-created.json", .linkCreated),
        ("teams-member-added.json", .teamsMembershipChanged),
        ("aad-consent-to-application.json", .consentGranted),
        ("aad-add-member-to-role.json", .roleChanged),
        ("aad-user-registered-security-info.json", .mfaMethodChanged),
        ("aad-update-user-strongauthentication.json", .mfaMethodChanged),
        ("aad-reset-user-password.json", .passwordChanged),
        ("aad-update-user-department.json", .userChanged),
        ("unknown-recordtype-9999.json", .other),
    ])
    func classify(_ name: String, expected: ActionKind) throws {
        let record = try AuditRecord(unifiedAuditLogJSON: try Fixture.bytes("records/\(name)"))
        #expect(Event(record: record, tenant: AuditRecordTests.contoso).kind == expected)
    }

    @Test("matches Entra operation names without case or trailing period", arguments: [
        "Add member to role.", "Add Member To Role.", "add member to role", "ADD MEMBER TO ROLE.",
    ])
    func entraSpellings(_ operation: String) throws {
        let text = #"{"Id":"r","CreationTime":"2026-01-01T00:00:00","Operation":"\#(operation)","Workload":"AzureActiveDirectory"}"#
        let record = try AuditRecord(unifiedAuditLogJSON: Array(text.utf8))
        #expect(Event(record: record, tenant: AuditRecordTests.contoso).kind == .roleChanged)
    }

    @Test("names round-trip and stay unique")
    func names() {
        for kind in ActionKind.allCases {
            #expect(ActionKind(name: kind.name) == kind)
        }
        #expect(Set(ActionKind.allCases.map(\.name)).count == ActionKind.allCases.count)
    }
}
