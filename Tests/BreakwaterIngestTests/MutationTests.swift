import BreakwaterIngest
import BreakwaterModel
import BreakwaterStore
import BreakwaterStoreSQLite
import BreakwaterTesting
import Foundation
import M365Simulator
import Testing

/// No input may crash an import: damaged copies of every format either import (with the
/// damage quarantined) or are refused as a whole with a clear error.
@Suite("Damaged input")
struct MutationTests {
    /// A valid file in each format, small enough to damage many times.
    static func originals() -> [(name: String, bytes: [UInt8])] {
        let records = BadInputTests.records(12, seed: 99)
        var csv = "RecordId,CreationDate,RecordType,Operation,UserId,AuditData\r\n"
        for (index, record) in records.enumerated() {
            csv += CSVText.row([String(index), "1/1/2026", "1", "Op", "u", String(decoding: record, as: UTF8.self)])
        }
        let signIn = #"{"id":"5a000000-0000-4000-8000-000000000001","createdDateTime":"2026-01-01T00:00:00Z","status":{"errorCode":0},"userPrincipalName":"a@b.c","resourceTenantId":"9f1c7b2e-4a8d-4c3f-b5e6-2d7a8c9e0f11"}"#
        let page = #"{"@odata.context":"x","value":[\#(signIn),\#(signIn.replacingOccurrences(of: "0001", with: "0002"))],"@odata.nextLink":"y"}"#
        return [
            ("blob.json", BadInputTests.array(records)),
            ("lines.jsonl", BadInputTests.jsonLines(records)),
            ("export.csv", Array(csv.utf8)),
            ("page.json", Array(page.utf8)),
        ]
    }

    /// One random kind of damage.
    static func damage(_ bytes: [UInt8], using random: inout SeededRandom) -> [UInt8] {
        var bytes = bytes
        let interesting: [UInt8] = [0x22, 0x5C, 0x7B, 0x7D, 0x5B, 0x5D, 0x2C, 0x3A, 0x0A, 0x0D, 0x00, 0xFF, 0xC3, 0xE2, 0x20, 0x41]
        for _ in 0...(random.next() % 4) {
            guard !bytes.isEmpty else { break }
            let position = Int(random.next() % UInt64(bytes.count))
            switch random.next() % 4 {
            case 0: bytes[position] = random.pick(interesting)
            case 1: bytes.removeSubrange(position..<min(bytes.count, position + Int(random.next() % 40)))
            case 2: bytes.insert(contentsOf: (0..<(1 + random.next() % 5)).map { _ in random.pick(interesting) }, at: position)
            default: bytes.removeSubrange(position...)
            }
        }
        return bytes
    }

    @Test("damaged files never crash an import, and every record read is accounted for", arguments: 0..<8)
    func damagedFiles(_ round: Int) async throws {
        var random = SeededRandom(seed: UInt64(1000 + round))
        let directory = try TemporaryDirectory()
        for (name, original) in Self.originals() {
            for attempt in 0..<25 {
                let path = try directory.write("\(attempt)-\(name)", Self.damage(original, using: &random))
                let harness = try ImportHarness()
                do {
                    let summary = try await harness.importFile(path, tenant: ImportHarness.contoso)
                    let totals = summary.totals
                    #expect(totals.records == totals.inserted + totals.duplicates + totals.quarantined, "\(path)")
                    #expect(try await harness.quarantine().count <= totals.quarantined)
                    #expect(try await harness.store.eventCount(in: .all) == totals.inserted)
                } catch let error as IngestError {
                    #expect(error.code == .unknownFormat, "\(path): \(error)")
                }
            }
        }
    }
}
