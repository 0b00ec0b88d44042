import BreakwaterModel
import CMaxMindDB

#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A MaxMind-format city database (`GeoLite2-City.mmdb`, `GeoIP2-City.mmdb` or any `.mmdb`
/// with the same layout), read through libmaxminddb: the city and coordinates of an address,
/// where the operator supplies one.
final class CityDatabase: Sendable {
    /// What the database says about one address.
    struct Entry: Sendable, Equatable {
        var city: String?
        var countryCode: String?
        var latitude: Double?
        var longitude: Double?
    }

    private struct Handle: @unchecked Sendable {
        var database: UnsafeMutablePointer<MMDB_s>
    }

    private let handle: Mutex<Handle>

    /// Opens the database at `path` (memory-mapped).
    ///
    /// - Throws: ``EnrichmentError`` naming the reason.
    init(path: String) throws(EnrichmentError) {
        let database = UnsafeMutablePointer<MMDB_s>.allocate(capacity: 1)
        let status = MMDB_open(path, UInt32(MMDB_MODE_MMAP), database)
        guard status == MMDB_SUCCESS else {
            database.deallocate()
            throw EnrichmentError(message: "the city database \(path) cannot be opened: \(String(cString: MMDB_strerror(status)))")
        }
        handle = Mutex(Handle(database: database))
    }

    deinit {
        handle.withLock { handle in
            MMDB_close(handle.database)
            handle.database.deallocate()
        }
    }

    /// What the database knows of `address`; `nil` when it has no entry for it.
    func lookup(_ address: IPAddress) -> Entry? {
        handle.withLock { handle -> Entry? in
            var addressError: Int32 = 0
            var databaseError: Int32 = 0
            var result = MMDB_lookup_string(handle.database, address.description, &addressError, &databaseError)
            guard addressError == 0, databaseError == MMDB_SUCCESS, result.found_entry else { return nil }
            return Entry(
                city: Self.string(&result.entry, "city", "names", "en"),
                countryCode: Self.string(&result.entry, "country", "iso_code"),
                latitude: Self.double(&result.entry, "location", "latitude"),
                longitude: Self.double(&result.entry, "location", "longitude"))
        }
    }

    private static func value(_ entry: inout MMDB_entry_s, _ path: [String]) -> MMDB_entry_data_s? {
        var data = MMDB_entry_data_s()
        let strings: [UnsafeMutablePointer<CChar>?] = path.map { strdup($0) } + [nil]
        defer { strings.forEach { free($0) } }
        let status = strings.map { $0.map { UnsafePointer<CChar>($0) } }.withUnsafeBufferPointer { pointers in
            MMDB_aget_value(&entry, &data, pointers.baseAddress)
        }
        guard status == MMDB_SUCCESS, data.has_data else { return nil }
        return data
    }

    private static func string(_ entry: inout MMDB_entry_s, _ path: String...) -> String? {
        guard let data = value(&entry, path), data.type == UInt32(MMDB_DATA_TYPE_UTF8_STRING), let text = data.utf8_string else { return nil }
        let bytes = UnsafeRawBufferPointer(start: text, count: Int(data.data_size))
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func double(_ entry: inout MMDB_entry_s, _ path: String...) -> Double? {
        guard let data = value(&entry, path), data.type == UInt32(MMDB_DATA_TYPE_DOUBLE) else { return nil }
        return data.double_value
    }
}
