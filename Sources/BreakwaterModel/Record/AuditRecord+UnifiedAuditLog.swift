extension AuditRecord {
    /// Reads one unified audit log record: the `AuditData` JSON object that the Management
    /// Activity API, Purview exports and `Search-UnifiedAuditLog` all carry.
    ///
    /// One pass over the text validates all of it and picks out the common fields; a record
    /// needs an `Id` and a `CreationTime` to be kept, and everything else is optional, since
    /// Microsoft adds, drops and retypes fields between workloads and over time.
    ///
    /// - Parameter raw: the record's JSON text, kept byte for byte.
    /// - Throws: ``AuditRecordError`` naming what is missing or where the JSON breaks.
    public init(unifiedAuditLogJSON raw: [UInt8]) throws(AuditRecordError) {
        self = try Self.readWhole(raw, from: .unifiedAuditLog)
    }

    static func readUnifiedAuditLog(_ buffer: UnsafeBufferPointer<UInt8>) -> Reading {
        let (text, skipped) = trimmingLeadingWhitespace(buffer)
        var fields = UnifiedAuditLogFields()
        let end: Int
        do throws(JSONSyntaxError) {
            let (valueEnd, isObject) = try JSONScanner.readObject(text) { key, scanner throws(JSONSyntaxError) in
                try fields.readMember(key, &scanner)
            }
            end = valueEnd
            guard isObject else {
                return .rejected(AuditRecordError(code: .notAnObject, message: "the record is not a JSON object"), length: skipped + end)
            }
        } catch {
            return .malformed(JSONSyntaxError(offset: skipped + error.offset, reason: error.reason, isTruncation: error.isTruncation))
        }
        let length = skipped + end
        guard let id = fields.id else {
            return .rejected(AuditRecordError(code: .missingID, message: "the record has no Id"), length: length)
        }
        guard let creationTime = fields.creationTime else {
            let error =
                fields.invalidCreationTime.map {
                    AuditRecordError(code: .invalidCreationTime, message: "CreationTime '\($0)' is not an ISO-8601 date-time")
                } ?? AuditRecordError(code: .missingCreationTime, message: "the record has no CreationTime")
            return .rejected(error, length: length)
        }
        let record = AuditRecord(
            raw: Array(UnsafeBufferPointer(rebasing: text[0..<end])), source: .unifiedAuditLog, id: id, recordType: fields.recordType ?? RecordType(rawValue: -1),
            creationTime: creationTime, operation: fields.operation ?? "", organizationID: fields.organizationID,
            userType: fields.userType, userID: fields.userID, workload: fields.workload,
            resultStatus: fields.resultStatus, clientIP: fields.clientIP, spans: fields.spans)
        return .record(record, length: length)
    }
}

/// The fields of a unified audit log record, gathered in one pass.
struct UnifiedAuditLogFields {
    var id: RecordID?
    var recordType: RecordType?
    var creationTime: Timestamp?
    var invalidCreationTime: String?
    var operation: String?
    var organizationID: TenantID?
    var userType: UserType?
    var userID: String?
    var workload: String?
    var resultStatus: String?
    var clientIP: String?
    var spans = AuditRecord.Spans()

    // The order of the tests follows how often keys appear in records.
    mutating func readMember(_ key: JSONStringReference, _ scanner: inout JSONScanner) throws(JSONSyntaxError) {
        switch key.count {
        case 2 where scanner.matches(key, "Id"):
            id = try scanner.readRecordID()
        case 8 where scanner.matches(key, "ClientIP"):
            clientIP = try scanner.readScalarText()
        case 8 where scanner.matches(key, "UserType"):
            userType = try scanner.readInteger().map { UserType(rawValue: Int($0)) }
        case 8 where scanner.matches(key, "Workload"):
            workload = try scanner.readScalarText()
        case 6 where scanner.matches(key, "UserId"):
            userID = try scanner.readScalarText()
        case 7 where scanner.matches(key, "UserKey"):
            spans.userKey = try scanner.spanOfValue()
        case 8 where scanner.matches(key, "ObjectId"):
            spans.objectID = try scanner.spanOfValue()
        case 9 where scanner.matches(key, "Operation"):
            operation = try scanner.readScalarText()
        case 9 where scanner.matches(key, "UserAgent"):
            spans.userAgent = try scanner.spanOfValue()
        case 9 where scanner.matches(key, "SessionId"):
            spans.sessionID = try scanner.spanOfValue()
        case 10 where scanner.matches(key, "RecordType"):
            recordType = try scanner.readRecordType()
        case 10 where scanner.matches(key, "Parameters"):
            spans.parameters = try scanner.spanOfValue()
        case 10 where scanner.matches(key, "LogonError"):
            spans.logonError = try scanner.spanOfValue()
        case 11 where scanner.matches(key, "ErrorNumber"):
            spans.errorNumber = try scanner.spanOfValue()
        case 9 where scanner.matches(key, "ErrorCode"):
            spans.errorCode = try scanner.spanOfValue()
        case 12 where scanner.matches(key, "CreationTime"):
            try readCreationTime(&scanner)
        case 12 where scanner.matches(key, "ResultStatus"):
            resultStatus = try scanner.readScalarText()
        case 14 where scanner.matches(key, "OrganizationId"):
            organizationID = try scanner.readTenantID()
        case 14 where scanner.matches(key, "ActorIpAddress"):
            spans.actorIPAddress = try scanner.spanOfValue()
        case 15 where scanner.matches(key, "ClientIPAddress"):
            spans.clientIPAddress = try scanner.spanOfValue()
        case 15 where scanner.matches(key, "MailboxOwnerUPN"):
            spans.mailboxOwnerUPN = try scanner.spanOfValue()
        case 16 where scanner.matches(key, "AppAccessContext"):
            spans.appAccessContext = try scanner.spanOfValue()
        case 16 where scanner.matches(key, "DeviceProperties"):
            spans.deviceProperties = try scanner.spanOfValue()
        case 16 where scanner.matches(key, "ClientInfoString"):
            spans.clientInfoString = try scanner.spanOfValue()
        case 18 where scanner.matches(key, "ExtendedProperties"):
            spans.extendedProperties = try scanner.spanOfValue()
        case 18 where scanner.matches(key, "ModifiedProperties"):
            spans.modifiedProperties = try scanner.spanOfValue()
        case 19 where scanner.matches(key, "OperationProperties"):
            spans.operationProperties = try scanner.spanOfValue()
        case 21 where scanner.matches(key, "UniqueTokenIdentifier"):
            spans.uniqueTokenID = try scanner.spanOfValue()
        default:
            try scanner.skipValue()
        }
    }

    private mutating func readCreationTime(_ scanner: inout JSONScanner) throws(JSONSyntaxError) {
        guard scanner.peek() == UInt8(ascii: "\"") else {
            invalidCreationTime = try scanner.readScalarText() ?? "null"
            return
        }
        let reference = try scanner.readString()
        creationTime = Timestamp.parseISO8601(scanner.contents(of: reference))
        invalidCreationTime = creationTime == nil ? scanner.string(reference) : nil
    }
}

extension JSONScanner {
    /// The unescaped-free contents of a string reference (the caller checks for escapes when
    /// they matter).
    func contents(of reference: JSONStringReference) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[reference.start..<reference.end])
    }

    /// Skips a value and returns where it started.
    mutating func spanOfValue() throws(JSONSyntaxError) -> AuditRecord.ValueSpan {
        skipWhitespace()
        let start = index
        try skipValue()
        return AuditRecord.ValueSpan(start: Int32(start))
    }

    /// Reads a record id: a GUID when the text is one, else the text; `nil` for null or empty.
    mutating func readRecordID() throws(JSONSyntaxError) -> RecordID? {
        guard peek() == UInt8(ascii: "\"") else {
            return try readScalarText().map(RecordID.init)
        }
        let reference = try readString()
        if !reference.hasEscapes, let uuid = GUIDParser.parse(contents(of: reference)) {
            return .guid(uuid)
        }
        let text = string(reference)
        return text.isEmpty ? nil : .text(text)
    }

    /// Reads a tenant GUID; anything that is not one counts as absent.
    mutating func readTenantID() throws(JSONSyntaxError) -> TenantID? {
        guard peek() == UInt8(ascii: "\"") else {
            try skipValue()
            return nil
        }
        let reference = try readString()
        return GUIDParser.parse(contents(of: reference)).map(TenantID.init(uuid:))
    }

    /// Reads a record type written as its number or, in some exports, its member name.
    mutating func readRecordType() throws(JSONSyntaxError) -> RecordType? {
        if peek() == UInt8(ascii: "\"") {
            let text = string(try readString())
            if let number = Int(text) { return RecordType(rawValue: number) }
            return RecordType(name: text)
        }
        return try readInteger().map { RecordType(rawValue: Int($0)) }
    }
}
