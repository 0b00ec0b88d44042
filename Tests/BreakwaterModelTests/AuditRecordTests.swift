import BreakwaterTesting
import Foundation
import Testing

@testable import BreakwaterModel

@Suite("Audit records")
struct AuditRecordTests {
    static let contoso = TenantID("9f1c7b2e-4a8d-4c3f-b5e6-2d7a8c9e0f11")!

    func record(_ name: String) throws -> AuditRecord {
        try AuditRecord(unifiedAuditLogJSON: try Fixture.bytes("records/\(name)"))
    }

    @Test("types the common fields and keeps the original bytes")
    func commonFields() throws {
        let raw = try Fixture.bytes("records/exchange-new-inboxrule-move-to-rss.json")
        let record = try AuditRecord(unifiedAuditLogJSON: raw)
        #expect(record.raw == Array(raw.prefix(while: { _ in true })).dropLastWhitespace())
        #expect(record.id == RecordID("3b0a1e1c-1111-4a5b-8c6d-000000000001"))
        #expect(record.recordType == .exchangeAdmin)
        #expect(record.recordType.name == "ExchangeAdmin")
        #expect(record.creationTime.iso8601 == "2026-11-20T09:14:02Z")
        #expect(record.operation == "New-InboxRule")
        #expect(record.organizationID == Self.contoso)
        #expect(record.userType == .regular)
        #expect(record.userKey == "10037FFE8A1B2C3D")
        #expect(record.userID == "megan.bowen@contoso.com")
        #expect(record.workload == "Exchange")
        #expect(record.resultStatus == "True")
        #expect(record.objectID == "EURPR06A001.prod.outlook.com/Microsoft Exchange Hosted Organizations/contoso.onmicrosoft.com/Megan Bowen\\.")
        #expect(record.clientIP == "203.0.113.77:51234")
        #expect(record.source == .unifiedAuditLog)
    }

    @Test("accepts CreationTime with a zone and fractions, and unknown record types")
    func looseFields() throws {
        let timed = try record("quirk-creationtime-with-z-and-fraction.json")
        #expect(timed.creationTime.iso8601 == "2026-11-20T10:11:12.345Z")
        let unknown = try record("unknown-recordtype-9999.json")
        #expect(unknown.recordType.rawValue == 9999)
        #expect(unknown.recordType.name == nil)
        #expect(unknown.recordType.description == "9999")
    }

    @Test("reads the record type as a number, a numeric string or a member name", arguments: [
        (#""RecordType":15"#, 15), (#""RecordType":"15""#, 15), (#""RecordType":"ExchangeAdmin""#, 1), (#""RecordType":"exchangeitem""#, 2),
    ])
    func recordTypeSpellings(_ field: String, expected: Int) throws {
        let text = #"{"Id":"x1","CreationTime":"2026-01-01T00:00:00",\#(field)}"#
        #expect(try AuditRecord(unifiedAuditLogJSON: Array(text.utf8)).recordType.rawValue == expected)
    }

    @Test("rejects records that cannot be kept, saying why", arguments: [
        (#"{"CreationTime":"2026-01-01T00:00:00","Operation":"X"}"#, AuditRecordError.Code.missingID),
        (#"{"Id":"","CreationTime":"2026-01-01T00:00:00"}"#, .missingID),
        (#"{"Id":"a"}"#, .missingCreationTime),
        (#"{"Id":"a","CreationTime":"last tuesday"}"#, .invalidCreationTime),
        (#"{"Id":"a","CreationTime":12}"#, .invalidCreationTime),
        (#"[1,2]"#, .notAnObject),
        (#"{"Id":"a","CreationTime":"2026-01-01T00:00:00""#, .malformedJSON),
        (#"{"Id":"a","CreationTime":"2026-01-01T00:00:00"} {}"#, .malformedJSON),
        ("", .malformedJSON),
    ])
    func rejects(_ text: String, code: AuditRecordError.Code) {
        #expect {
            try AuditRecord(unifiedAuditLogJSON: Array(text.utf8))
        } throws: { error in
            (error as? AuditRecordError)?.code == code
        }
    }

    @Test("keeps non-GUID record ids as text")
    func textIDs() throws {
        let text = #"{"Id":"not-a-guid-42","CreationTime":"2026-01-01T00:00:00"}"#
        #expect(try AuditRecord(unifiedAuditLogJSON: Array(text.utf8)).id == .text("not-a-guid-42"))
    }

    @Test("reads a Graph sign-in as the audit feed's sign-in record")
    func graphSignIn() throws {
        let text = """
            {"id":"66ea54eb-6301-4ee5-be62-ff5a759b0100","createdDateTime":"2020-03-13T19:15:41.6195833Z",
             "userPrincipalName":"TestAccount1@contoso.com","userId":"26be570a-ae82-4189-b4e2-a37c6808512d",
             "ipAddress":"131.107.159.37","userAgent":"Mozilla/5.0","resourceId":"00000003-0000-0000-c000-000000000000",
             "resourceTenantId":"9f1c7b2e-4a8d-4c3f-b5e6-2d7a8c9e0f11","homeTenantId":"11111111-2222-3333-4444-555555555555",
             "status":{"errorCode":50126,"failureReason":"Invalid username or password."},
             "location":{"city":"Redmond","state":"Washington","countryOrRegion":"US","geoCoordinates":{"latitude":47.68,"longitude":-122.12}},
             "sessionId":"sess-1","uniqueTokenIdentifier":"tok-1","authenticationRequirement":"multiFactorAuthentication",
             "authenticationDetails":[{"authenticationMethod":"Previously satisfied","authenticationStepResultDetail":"MFA requirement satisfied by claim in the token","succeeded":true}]}
            """
        let record = try AuditRecord(graphSignInJSON: Array(text.utf8))
        #expect(record.source == .graphSignIn)
        #expect(record.recordType == .azureActiveDirectoryStsLogon)
        #expect(record.operation == "UserLoginFailed")
        #expect(record.resultStatus == "Failed")
        #expect(record.workload == "AzureActiveDirectory")
        #expect(record.organizationID == Self.contoso)
        #expect(record.mayBelong(to: TenantID("11111111-2222-3333-4444-555555555555")!))
        #expect(!record.mayBelong(to: TenantID("22222222-2222-3333-4444-555555555555")!))
        #expect(record.userKey == "26be570a-ae82-4189-b4e2-a37c6808512d")
        #expect(record.objectID == "00000003-0000-0000-c000-000000000000")
        let event = Event(record: record, tenant: Self.contoso)
        #expect(event.actor == "testaccount1@contoso.com")
        #expect(event.sourceIP == IPAddress("131.107.159.37"))
        #expect(event.kind == .signInFailed)
        #expect(event.outcome == .failed)
        #expect(event.signInErrorCode == 50126)
        #expect(event.signInFailureReason == "Invalid username or password.")
        #expect(event.userAgent == "Mozilla/5.0")
        #expect(event.sessions == SessionIdentifiers(entraSessionID: "sess-1", uniqueTokenID: "tok-1"))
        #expect(event.reportedLocation == ReportedLocation(city: "Redmond", state: "Washington", countryOrRegion: "US", latitude: 47.68, longitude: -122.12))
        #expect(event.authenticationRequirement == "multiFactorAuthentication")
        #expect(event.mfaSatisfiedByTokenClaim)
    }

    @Test("reads a successful Graph sign-in as UserLoggedIn")
    func graphSuccess() throws {
        let text = #"{"id":"a0000000-0000-4000-8000-000000000001","createdDateTime":"2026-01-01T00:00:00Z","status":{"errorCode":0},"userPrincipalName":"a@b.c"}"#
        let record = try AuditRecord(graphSignInJSON: Array(text.utf8))
        #expect(record.operation == "UserLoggedIn")
        #expect(Event(record: record, tenant: Self.contoso).kind == .signInSucceeded)
        #expect(Event(record: record, tenant: Self.contoso).mfaSatisfiedByTokenClaim == false)
    }
}

extension [UInt8] {
    /// The bytes without trailing JSON whitespace (fixtures end with a new line).
    func dropLastWhitespace() -> [UInt8] {
        var bytes = self
        while let last = bytes.last, last == 0x0A || last == 0x20 || last == 0x0D { bytes.removeLast() }
        return bytes
    }
}
