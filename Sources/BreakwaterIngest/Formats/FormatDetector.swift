import BreakwaterModel
import Foundation

/// Tells what a file is from its first few megabytes: the container (a JSON array, JSON
/// Lines, Graph pages, a CSV export) from its first bytes, and what each record is from the
/// field names of the first one.
enum FormatDetector {
    /// How much of the file is looked at.
    static let sniffBytes = 4 << 20

    /// What the file holds.
    enum Detection: Equatable {
        case format(InputFormat)
        /// The file holds nothing but whitespace (or nothing at all).
        case empty
    }

    /// Detects the format of the file in `window`, leaving the window at the file's start.
    ///
    /// - Throws: ``IngestError`` `.unknownFormat` naming the formats Breakwater reads.
    static func detect(_ window: FileWindow, name: String) throws(IngestError) -> Detection {
        try window.seek(to: 0)
        try window.fill(atLeast: sniffBytes)
        let detection = try window.bytes.withUnsafeBufferPointer { buffer throws(IngestError) in
            try detect(buffer, atEndOfFile: window.isAtEndOfFile, name: name)
        }
        try window.seek(to: 0)
        return detection
    }

    static func detect(_ bytes: UnsafeBufferPointer<UInt8>, atEndOfFile: Bool, name: String) throws(IngestError) -> Detection {
        var scanner = JSONScanner(bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scanner.index = 3 }
        guard let first = scanner.peek() else { return .empty }
        let notAuditLog = { (why: String) in
            IngestError(code: .unknownFormat, message: "\(name): not an audit log (\(why)). \(InputFormat.acceptedFormats)")
        }
        switch first {
        case UInt8(ascii: "["):
            scanner.index += 1
            switch scanner.peek() {
            case UInt8(ascii: "]"):
                return .format(InputFormat(container: .jsonArray, flavor: .auditRecord))
            case UInt8(ascii: "{"):
                let keys = FirstObject.read(bytes, at: scanner.index)
                guard let flavor = flavor(of: keys.names) else { throw notAuditLog("its first element has none of the fields of an audit record") }
                return .format(InputFormat(container: .jsonArray, flavor: flavor))
            default:
                throw notAuditLog("a JSON array whose first element is not an object")
            }
        case UInt8(ascii: "{"):
            let start = scanner.index
            let object = FirstObject.read(bytes, at: start)
            if let valueStart = object.valueArrayStart {
                var inner = JSONScanner(bytes, startingAt: valueStart + 1)
                guard inner.peek() == UInt8(ascii: "{") else {
                    return .format(InputFormat(container: .graphPages, flavor: .graphSignIn))
                }
                let keys = FirstObject.read(bytes, at: inner.index)
                guard let flavor = flavor(of: keys.names) else { throw notAuditLog("its 'value' array holds no audit records or sign-ins") }
                return .format(InputFormat(container: .graphPages, flavor: flavor))
            }
            guard let flavor = flavor(of: object.names) else { throw notAuditLog("its first object has none of the fields of an audit record") }
            let end = object.end ?? bytes.count
            let isOneLine = !bytes[start..<end].contains(0x0A)
            return .format(InputFormat(container: isOneLine ? .jsonLines : .jsonValues, flavor: flavor))
        default:
            return .format(try csvFormat(bytes, from: scanner.index, notAuditLog: notAuditLog))
        }
    }

    /// The CSV layout from the header line, if it names an `AuditData` column.
    private static func csvFormat(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, notAuditLog: (String) -> IngestError
    ) throws(IngestError) -> InputFormat {
        let lineEnd = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
        let header = String(decoding: bytes[start..<lineEnd], as: UTF8.self)
        let names = header.split(separator: ",").map {
            String($0).trimmingASCIIWhitespace.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        guard names.contains(where: { $0.caseInsensitiveEquals("AuditData") }) else {
            throw notAuditLog("neither JSON nor a CSV with an AuditData column")
        }
        let layout: CSVLayout = names.contains(where: { $0.caseInsensitiveEquals("RecordId") }) ? .current : .legacy
        return InputFormat(container: .csv(layout), flavor: .auditRecord)
    }

    /// What a record is, from the field names of the first one.
    static func flavor(of names: Set<String>) -> InputFormat.Flavor? {
        if names.contains("AuditData") { return .searchResult }
        if names.contains("createdDateTime"), !names.contains("CreationTime") { return .graphSignIn }
        let auditFields = ["CreationTime", "RecordType", "Operation", "OrganizationId", "Workload", "UserId"]
        if auditFields.contains(where: names.contains) { return .auditRecord }
        return nil
    }
}

/// The member names of the first object in a file, read as far as the sniffed bytes go.
private struct FirstObject {
    var names: Set<String> = []
    /// Where the object ends, when it ends within the sniffed bytes.
    var end: Int?
    /// Where the `[` of a `"value": [` member is (Graph pages).
    var valueArrayStart: Int?

    static func read(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> FirstObject {
        var object = FirstObject()
        var scanner = JSONScanner(bytes, startingAt: start)
        do throws(JSONSyntaxError) {
            var cursor = try scanner.beginObject()
            while let key = try scanner.nextKey(in: &cursor) {
                let name = scanner.string(key)
                object.names.insert(name)
                if name == "value", scanner.peek() == UInt8(ascii: "[") {
                    object.valueArrayStart = scanner.index
                }
                try scanner.skipValue()
            }
            object.end = scanner.index
        } catch {
            // A truncated or broken first object still tells its leading field names.
        }
        return object
    }
}
