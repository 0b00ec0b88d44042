public import BreakwaterModel
public import BreakwaterStore
import Foundation

/// Reads what a collector downloaded into events of the tenant it was collected for, with
/// everything that is not a usable record of that tenant set aside for the quarantine.
public enum CollectedRecords {
    /// Reads a Management Activity API content blob — a JSON array of audit records —
    /// that was saved to `path`, in bounded memory.
    ///
    /// - Parameters:
    ///   - tenant: the tenant collected; records naming another are quarantined.
    ///   - source: how quarantined records say where they came from (the content id).
    public static func readBlob(at path: String, tenant: TenantID, source: SourceReference) throws(IngestError) -> (events: [Event], quarantined: [QuarantinedRecord]) {
        let window = try FileWindow(path: path)
        guard window.fileSize > 0 else { return ([], []) }
        let decoder = try JSONStreamDecoder(window: window, format: InputFormat(container: .jsonArray, flavor: .auditRecord), resumePoint: .start)
        var events: [Event] = []
        var quarantined: [QuarantinedRecord] = []
        while let item = try decoder.next() {
            switch item {
            case .record(let record, let position):
                if record.mayBelong(to: tenant) {
                    events.append(Event(record: record, tenant: tenant))
                } else {
                    quarantined.append(QuarantinedRecord(tenant: tenant, source: source, position: position, reason: .otherTenant(record, tenant), raw: record.raw))
                }
            case .failure(let failure):
                quarantined.append(QuarantinedRecord(
                    tenant: tenant, source: source, position: failure.position, reason: failure.reason, raw: failure.raw, length: failure.length))
            }
        }
        return (events, quarantined)
    }

    /// Reads Graph sign-ins, each the bytes of one `signIn` object as the API returned it.
    ///
    /// A sign-in that cannot be used is quarantined under its own content's fingerprint, so
    /// reading it again (the overlap behind a checkpoint, a restart) does not add it twice,
    /// and another bad sign-in is never taken for it.
    ///
    /// - Parameter sourceName: where the sign-ins were read, for people.
    public static func readSignIns(_ records: [[UInt8]], tenant: TenantID, sourceName: String) -> (events: [Event], quarantined: [QuarantinedRecord]) {
        var events: [Event] = []
        var quarantined: [QuarantinedRecord] = []
        for bytes in records {
            let source = SourceReference(name: sourceName, fingerprint: "signin:" + SourceFingerprint.of(bytes))
            let position = SourcePosition(line: 1, byteOffset: 0)
            do {
                let record = try AuditRecord(graphSignInJSON: bytes)
                if record.mayBelong(to: tenant) {
                    events.append(Event(record: record, tenant: tenant))
                } else {
                    quarantined.append(QuarantinedRecord(tenant: tenant, source: source, position: position, reason: .otherTenant(record, tenant), raw: bytes))
                }
            } catch {
                quarantined.append(QuarantinedRecord(tenant: tenant, source: source, position: position, reason: QuarantineReason(error), raw: bytes))
            }
        }
        return (events, quarantined)
    }
}

extension QuarantineReason {
    /// A collected record that names a tenant other than the one collected.
    static func otherTenant(_ record: AuditRecord, _ tenant: TenantID) -> QuarantineReason {
        QuarantineReason(
            code: "tenant-mismatch",
            message: "the record belongs to tenant \(record.organizationID.map(String.init(describing:)) ?? "?"), not \(tenant) it was collected for")
    }
}
