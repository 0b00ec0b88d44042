import BreakwaterTesting
import Testing

@testable import BreakwaterModel

@Suite("Normalized events")
struct EventTests {
    func event(_ name: String) throws -> Event {
        let record = try AuditRecord(unifiedAuditLogJSON: try Fixture.bytes("records/\(name)"))
        return Event(record: record, tenant: AuditRecordTests.contoso)
    }

    @Test("lowercases the actor's UPN")
    func actor() throws {
        #expect(try event("sts-logon-failed-50126.json").actor == "megan.bowen@contoso.com")
    }

    @Test("takes the source address from ClientIP, ClientIPAddress or ActorIpAddress", arguments: [
        ("exchange-new-inboxrule-move-to-rss.json", "203.0.113.77"),  // ClientIP with a port
        ("exchange-set-mailbox-forwarding.json", "203.0.113.77"),  // IPv4-mapped IPv6
        ("sts-logon-success-session.json", "2001:db8::77"),  // bracketed IPv6 with a port
        ("exchange-updateinboxrules-add.json", "203.0.113.77"),  // only ClientIPAddress
        ("sts-logon-failed-50126.json", "198.51.100.23"),  // ClientIP "null", ActorIpAddress set
    ])
    func sourceAddress(_ name: String, expected: String) throws {
        #expect(try event(name).sourceIP == IPAddress(expected))
    }

    @Test("has no source address when none is recorded")
    func noAddress() throws {
        #expect(try event("aad-add-member-to-role.json").sourceIP == nil)
    }

    @Test("finds the user agent wherever the workload puts it", arguments: [
        ("sharepoint-file-downloaded.json", "python-requests/2.31.0"),
        ("sts-logon-failed-50126.json", "python-requests/2.31.0"),
        ("exchange-mailitemsaccessed-bind.json", "Client=OWA;Mozilla/5.0 (X11; Linux x86_64)"),
    ])
    func userAgent(_ name: String, expected: String) throws {
        #expect(try event(name).userAgent == expected)
    }

    @Test("collects session and token ids")
    func sessions() throws {
        #expect(
            try event("exchange-mailitemsaccessed-bind.json").sessions
                == SessionIdentifiers(
                    entraSessionID: "00c0ffee-0000-4000-8000-00000000a1a1", mailboxSessionID: "6a5d2e9b-0000-4000-8000-000000000010",
                    uniqueTokenID: "kXy0AttackerToken01"))
        #expect(try event("sts-logon-success-session.json").sessions.entraSessionID == "a7d3c1f0-0000-4000-8000-00000000beef")
        #expect(try event("aad-add-member-to-role.json").sessions.isEmpty)
        let owaAuth = #"{"Id":"o1","CreationTime":"2026-01-01T00:00:00","Operation":"SignInEvent","RecordType":275,"UniqueTokenIdentifier":"tok-owa"}"#
        let record = try AuditRecord(unifiedAuditLogJSON: Array(owaAuth.utf8))
        #expect(Event(record: record, tenant: AuditRecordTests.contoso).sessions.uniqueTokenID == "tok-owa")
    }

    @Test("decodes Parameters written as Name/Value pairs, as a PowerShell string and as JSON text")
    func parameterEncodings() throws {
        let array = try event("exchange-new-inboxrule-move-to-rss.json").parameters
        #expect(array["MoveToFolder"] == "RSS Feeds")
        #expect(array["movetofolder"] == "RSS Feeds")
        #expect(array["StopProcessingRules"] == "True")
        #expect(array.entries.count == 7)
        let command = try event("quirk-parameters-as-powershell-string.json").parameters
        #expect(command["Identity"] == "megan.bowen\\Archive invoices")
        #expect(command["DeleteMessage"] == "True")
        #expect(command["Force"] == "True")
        let jsonText = try event("quirk-parameters-as-json-text.json").parameters
        #expect(jsonText["Identity"] == "megan.bowen\\Archive invoices")
        #expect(jsonText["Confirm"] == "False")
    }

    @Test("keeps repeated names, old values and name-only lists")
    func bagShapes() throws {
        let repeated = PropertyBag(decodingText: #"[{"Name":"To","Value":"a"},{"Name":"To","Value":"b"},{"Key":"Other","Value":1}]"#)
        #expect(repeated.values(named: "to") == ["a", "b"])
        #expect(repeated["Other"] == "1")
        let changes = try event("aad-update-user-department.json").modifiedProperties
        #expect(changes.entry(named: "Department")?.oldValue == "[\r\n  \"Sales\"\r\n]")
        #expect(changes["Department"] == "[\r\n  \"Finance\"\r\n]")
        let names = try event("quirk-modifiedproperties-name-list.json").modifiedProperties
        #expect(names.entries.map(\.name) == ["Subject", "Body"])
        let object = PropertyBag(decodingText: #"{"Key":{"nested":true},"n":5}"#)
        #expect(object["Key"] == #"{"nested":true}"#)
        #expect(object.entries == [.init(name: "Key", value: #"{"nested":true}"#), .init(name: "n", value: "5")])
        #expect(try event("sharepoint-file-downloaded.json").parameters.isEmpty)
        #expect(
            PropertyBag(decodingText: "-Identity:$true -Name x -Flag").entries
                == [.init(name: "Identity", value: "true"), .init(name: "Name", value: "x"), .init(name: "Flag", value: "True")])
    }

    @Test("reads OperationProperties and ExtendedProperties")
    func otherBags() throws {
        #expect(try event("exchange-mailitemsaccessed-bind.json").operationProperties["MailAccessType"] == "Bind")
        #expect(try event("sts-logon-failed-50126.json").extendedProperties["RequestType"] == "OAuth2:Token")
        #expect(try event("sts-logon-success-session.json").deviceProperties["BrowserType"] == "Edge")
    }

    @Test("tells why a sign-in failed and whose mailbox was acted on")
    func failureReasonAndMailboxOwner() throws {
        #expect(try event("sts-logon-failed-50126.json").signInFailureReason == "InvalidUserNameOrPassword")
        #expect(try event("sts-logon-success-session.json").signInFailureReason == nil)
        #expect(try event("exchange-updateinboxrules-add.json").mailboxOwner == "megan.bowen@contoso.com")
        #expect(try event("exchange-new-inboxrule-move-to-rss.json").mailboxOwner == nil)
    }

    @Test("reports a sign-in's real outcome, not the HTTP status in ResultStatus")
    func signInOutcome() throws {
        let failed = try event("sts-logon-failed-50126.json")
        #expect(failed.record.resultStatus == "Success")
        #expect(failed.outcome == .failed)
        #expect(failed.signInErrorCode == 50126)
        #expect(try event("sts-logon-success-session.json").outcome == .succeeded)
        #expect(try event("exchange-new-inboxrule-move-to-rss.json").outcome == .succeeded)  // "True"
        #expect(try event("legacy-passwordlogon-failed.json").outcome == .failed)
        #expect(try event("unknown-recordtype-9999.json").outcome == .unknown)
    }
}
