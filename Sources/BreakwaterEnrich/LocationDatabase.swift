import BreakwaterModel
import CLibloc
import Foundation
import Synchronization

/// The IPFire location database, read through libloc: country, autonomous system and the
/// anonymous-proxy flag of any Internet address.
///
/// libloc contexts are not documented as thread-safe, so lookups take a lock; callers cache.
final class LocationDatabase: Sendable {
    /// Debian's copy, installed by `libloc-database`.
    static let defaultPath = "/usr/share/libloc-location/location.db"

    /// What the database says about one address.
    struct Entry: Sendable {
        var countryCode: String?
        var asn: UInt32?
        var asName: String?
        var isAnonymousProxy: Bool
    }

    private struct Handles: @unchecked Sendable {
        let context: OpaquePointer
        let database: OpaquePointer
    }

    private let handles: Mutex<Handles>
    /// When the database was built.
    let createdAt: Date

    /// Opens the database at `path`.
    ///
    /// - Throws: ``EnrichmentError`` when the file is missing or not a location database.
    init(path: String = LocationDatabase.defaultPath) throws(EnrichmentError) {
        guard let file = fopen(path, "r") else {
            throw EnrichmentError(message: "the location database \(path) cannot be opened (install libloc-database)")
        }
        defer { fclose(file) }
        var context: OpaquePointer?
        guard loc_new(&context) == 0, let context else {
            throw EnrichmentError(message: "libloc could not start")
        }
        var database: OpaquePointer?
        guard loc_database_new(context, &database, file) == 0, let database else {
            loc_unref(context)
            throw EnrichmentError(message: "\(path) is not a libloc location database")
        }
        createdAt = Date(timeIntervalSince1970: TimeInterval(loc_database_created_at(database)))
        handles = Mutex(Handles(context: context, database: database))
    }

    deinit {
        handles.withLock { handles in
            loc_database_unref(handles.database)
            loc_unref(handles.context)
        }
    }

    /// What the database knows of `address`; `nil` when it knows nothing.
    func lookup(_ address: IPAddress) -> Entry? {
        var raw = in6_addr()
        withUnsafeMutableBytes(of: &raw) { buffer in
            for (index, byte) in address.bytes.enumerated() { buffer[index] = byte }
        }
        return handles.withLock { handles -> Entry? in
            var network: OpaquePointer?
            guard loc_database_lookup(handles.database, &raw, &network) == 0, let network else { return nil }
            defer { loc_network_unref(network) }
            var entry = Entry(isAnonymousProxy: loc_network_has_flag(network, UInt32(LOC_NETWORK_FLAG_ANONYMOUS_PROXY.rawValue)) != 0)
            if let code = loc_network_get_country_code(network) {
                let text = String(cString: code)
                // A1–A3 and XD are the database's special codes (proxy, satellite, anycast, drop).
                if text.count == 2, !["A1", "A2", "A3", "XD"].contains(text) {
                    entry.countryCode = text
                }
            }
            let asn = loc_network_get_asn(network)
            if asn != 0 {
                entry.asn = asn
                var system: OpaquePointer?
                if loc_database_get_as(handles.database, &system, asn) == 0, let system {
                    if let name = loc_as_get_name(system) { entry.asName = String(cString: name) }
                    loc_as_unref(system)
                }
            }
            return entry
        }
    }
}
