import BreakwaterModel

extension InputFormat.Flavor {
    /// Reads one record of this flavor from the front of `buffer`.
    func read(_ buffer: UnsafeBufferPointer<UInt8>) -> AuditRecord.Reading {
        switch self {
        case .auditRecord: AuditRecord.read(buffer, from: .unifiedAuditLog)
        case .graphSignIn: AuditRecord.read(buffer, from: .graphSignIn)
        case .searchResult: Self.readSearchResult(buffer)
        }
    }

    /// Reads a `Search-UnifiedAuditLog` result object and the record in its `AuditData`.
    ///
    /// The kept raw JSON is the `AuditData` record itself, as in every other source.
    private static func readSearchResult(_ buffer: UnsafeBufferPointer<UInt8>) -> AuditRecord.Reading {
        var scanner = JSONScanner(buffer)
        var auditData: String?
        let length: Int
        do throws(JSONSyntaxError) {
            guard scanner.peek() == UInt8(ascii: "{") else {
                try scanner.skipValue()
                return .rejected(AuditRecordError(code: .notAnObject, message: "the result is not a JSON object"), length: scanner.index)
            }
            var object = try scanner.beginObject()
            while let key = try scanner.nextKey(in: &object) {
                if scanner.matches(key, "AuditData") {
                    auditData = try scanner.readValueText()
                } else {
                    try scanner.skipValue()
                }
            }
            length = scanner.index
        } catch {
            return .malformed(error)
        }
        guard let auditData, !auditData.isEmpty else {
            return .rejected(AuditRecordError(code: .missingAuditData, message: "the result has no AuditData"), length: length)
        }
        do throws(AuditRecordError) {
            return .record(try AuditRecord(unifiedAuditLogJSON: Array(auditData.utf8)), length: length)
        } catch {
            return .rejected(error, length: length)
        }
    }
}
