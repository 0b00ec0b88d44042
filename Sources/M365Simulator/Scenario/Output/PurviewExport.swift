import BreakwaterModel

/// Rows of a Purview portal audit search export (contract §4.2, current layout):
/// `RecordId,CreationDate,RecordType,Operation,UserId,AuditData,AssociatedAdminUnits,AssociatedAdminUnitsNames`,
/// with `CreationDate` in en-US form, `RecordType` as its number, and `AuditData` the
/// record's JSON quoted RFC 4180 style (quotes doubled).
enum PurviewExport {
    /// The header row, after the UTF-8 byte order mark the portal writes.
    static let header: [UInt8] =
        [0xEF, 0xBB, 0xBF]
        + Array("RecordId,CreationDate,RecordType,Operation,UserId,AuditData,AssociatedAdminUnits,AssociatedAdminUnitsNames\r\n".utf8)

    /// The row of one audit record; `nil` when the JSON is not a readable record.
    static func row(_ json: [UInt8]) -> [UInt8]? {
        guard let record = try? AuditRecord(unifiedAuditLogJSON: json) else { return nil }
        var row: [UInt8] = []
        row.reserveCapacity(json.count + 200)
        appendCell(record.id.description, to: &row)
        row.append(UInt8(ascii: ","))
        appendCell(TimeText.purview(record.creationTime.millisecondsSince1970), to: &row)
        row.append(UInt8(ascii: ","))
        appendCell(String(record.recordType.rawValue), to: &row)
        row.append(UInt8(ascii: ","))
        appendCell(record.operation, to: &row)
        row.append(UInt8(ascii: ","))
        appendCell(record.userID ?? "", to: &row)
        row.append(UInt8(ascii: ","))
        appendQuoted(json, to: &row)
        row.append(contentsOf: Array(",,\r\n".utf8))
        return row
    }

    /// A cell, quoted only when it holds a comma, quote or line break.
    private static func appendCell(_ text: String, to row: inout [UInt8]) {
        let bytes = Array(text.utf8)
        if bytes.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) {
            appendQuoted(bytes, to: &row)
        } else {
            row.append(contentsOf: bytes)
        }
    }

    private static func appendQuoted(_ bytes: [UInt8], to row: inout [UInt8]) {
        row.append(UInt8(ascii: "\""))
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { row.append(byte) }
            row.append(byte)
        }
        row.append(UInt8(ascii: "\""))
    }
}
