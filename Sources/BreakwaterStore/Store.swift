/// The archive: where events, quarantined records and import progress are kept.
///
/// One protocol, several engines (SQLite embedded by default; PostgreSQL for shared,
/// multi-node deployments). Every engine keeps the same promises, which the shared contract
/// tests check:
/// - **nothing doubled**: an event is unique by its tenant, time and record id, so writing
///   the same record twice stores it once;
/// - **nothing half-written**: a batch — events, quarantined records and the progress that
///   says they were read — is committed in one transaction or not at all;
/// - **every tenant a wall**: every read names the tenants it may see.
public protocol Store: Sendable {
    /// Writes one batch atomically and reports which events were new.
    @discardableResult
    func write(_ batch: ArchiveBatch) async throws -> ArchiveWriteResult

    /// One page of events matching `query`, in the query's order (``EventQuery/order``:
    /// newest first by default, or oldest first).
    ///
    /// Paging with each page's ``EventPage/next`` returns every matching event exactly once,
    /// in that order.
    ///
    /// - Parameters:
    ///   - query: the filters, including the tenants the caller may see.
    ///   - cursor: where the previous page ended; `nil` for the first page.
    ///   - limit: the most events to return.
    func events(matching query: EventQuery, after cursor: EventCursor?, limit: Int) async throws -> EventPage

    /// Quarantined records, newest first, within the tenants of `scope` (records whose tenant
    /// is unknown are visible only to an unrestricted scope).
    func quarantinedRecords(in scope: TenantScope, limit: Int) async throws -> [QuarantinedRecord]

    /// Starts an import of `source`, or resumes the unfinished one with the same source.
    func beginImport(of source: ImportSource) async throws -> ImportRun

    /// Marks an import finished and returns its totals as journaled (including what earlier,
    /// interrupted attempts committed).
    func finishImport(_ run: ImportRun.ID) async throws -> ImportTotals

    /// How many events the store holds for the tenants of `scope`.
    func eventCount(in scope: TenantScope) async throws -> Int
}
