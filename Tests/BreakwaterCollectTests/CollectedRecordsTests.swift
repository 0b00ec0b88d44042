import BreakwaterIngest
import BreakwaterModel
import BreakwaterStore
import BreakwaterStoreSQLite
import Testing

@Suite("Collected sign-ins")
struct CollectedRecordsTests {
    let tenant = TenantID("9f1c7b2e-4a8d-4c3f-b5e6-2d7a8c9e0f11")!

    @Test("a bad sign-in read again is quarantined once; a different one at the same place is kept too")
    func quarantineOnce() async throws {
        let store = try SQLiteStore()
        let bad = Array(#"{"userPrincipalName":"megan.bowen@contoso.com"}"#.utf8)
        let otherBad = Array(#"{"userPrincipalName":"alex.wilber@contoso.com"}"#.utf8)
        for page in [[bad], [bad], [otherBad]] {
            let (events, quarantined) = CollectedRecords.readSignIns(page, tenant: tenant, sourceName: "sign-ins")
            #expect(events.isEmpty)
            try await store.write(ArchiveBatch(quarantined: quarantined))
        }
        let kept = try await store.quarantinedRecords(in: .all, limit: 10)
        #expect(kept.count == 2)
        #expect(Set(kept.map(\.raw)) == [bad, otherBad])
    }
}
