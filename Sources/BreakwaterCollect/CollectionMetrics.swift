public import BreakwaterModel
public import BreakwaterStore
import Foundation
import Synchronization

/// What the collectors have done since the process started, by tenant and stream, for
/// `/metrics` (Prometheus text format).
public final class CollectionMetrics: Sendable {
    private struct Key: Hashable {
        var tenant: TenantID
        var stream: CollectionStream
    }

    private struct Counts {
        var recordsIn = 0
        var duplicates = 0
        var quarantined = 0
        var alerts = 0
        var blobs = 0
        var gaps = 0
        var newestContent: Timestamp?
    }

    private struct ErrorKey: Hashable {
        var tenant: TenantID
        var code: String
    }

    private let counts = Mutex<[Key: Counts]>([:])
    private let errors = Mutex<[ErrorKey: Int]>([:])

    public init() {}

    /// Counts a committed batch.
    public func noteCommitted(_ batch: CollectedBatch, _ result: CollectedCommit) {
        counts.withLock { counts in
            var entry = counts[Key(tenant: batch.tenant, stream: batch.stream), default: Counts()]
            entry.recordsIn += batch.events.count + batch.quarantined.count
            entry.duplicates += result.duplicateEvents
            entry.quarantined += batch.quarantined.count
            entry.alerts += result.insertedAlerts
            if batch.content != nil { entry.blobs += 1 }
            if let newest = batch.checkpoint?.newestContent { entry.newestContent = max(entry.newestContent ?? newest, newest) }
            counts[Key(tenant: batch.tenant, stream: batch.stream)] = entry
        }
    }

    /// Counts a gap newly recorded.
    public func noteGap(tenant: TenantID, stream: CollectionStream) {
        counts.withLock { $0[Key(tenant: tenant, stream: stream), default: Counts()].gaps += 1 }
    }

    /// Counts an error by its bounded code (`AF429`, `TooManyRequests`, `transport_…`, see ``ErrorCode``).
    public func noteError(tenant: TenantID, _ error: any Error) {
        errors.withLock { $0[ErrorKey(tenant: tenant, code: ErrorCode.of(error)), default: 0] += 1 }
    }

    /// The metrics in Prometheus' text exposition format; lag is measured against `now`.
    public func prometheusText(now: Timestamp) -> String {
        var lines: [String] = []
        let snapshot = counts.withLock { $0 }.sorted { ($0.key.tenant, $0.key.stream.rawValue) < ($1.key.tenant, $1.key.stream.rawValue) }
        func family(_ name: String, _ type: String, _ help: String, _ value: (Counts) -> Int?) {
            lines.append("# HELP \(name) \(help)")
            lines.append("# TYPE \(name) \(type)")
            for (key, entry) in snapshot {
                guard let number = value(entry) else { continue }
                lines.append("\(name){tenant=\"\(key.tenant)\",stream=\"\(Self.label(key.stream.rawValue))\"} \(number)")
            }
        }
        family("breakwater_records_in_total", "counter", "Records read from Microsoft 365 (stored, duplicate or quarantined).") { $0.recordsIn }
        family("breakwater_records_duplicate_total", "counter", "Records read that were already stored.") { $0.duplicates }
        family("breakwater_records_quarantined_total", "counter", "Records that could not be read and were quarantined.") { $0.quarantined }
        family("breakwater_alerts_total", "counter", "Alerts raised.") { $0.alerts }
        family("breakwater_blobs_total", "counter", "Content blobs committed.") { $0.blobs }
        family("breakwater_gaps_total", "counter", "Content that expired before it could be read.") { $0.gaps }
        family("breakwater_lag_seconds", "gauge", "Time since the newest content read was made available.") { entry in
            entry.newestContent.map { Int(max(0, now.millisecondsSince1970 - $0.millisecondsSince1970) / 1000) }
        }
        lines.append("# HELP breakwater_api_errors_total Errors from Microsoft's APIs, by code.")
        lines.append("# TYPE breakwater_api_errors_total counter")
        for (key, count) in errors.withLock({ $0 }).sorted(by: { ($0.key.tenant, $0.key.code) < ($1.key.tenant, $1.key.code) }) {
            lines.append("breakwater_api_errors_total{tenant=\"\(key.tenant)\",code=\"\(Self.label(key.code))\"} \(count)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A label value escaped as the exposition format asks (backslash, quote, line feed).
    static func label(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
    }
}
