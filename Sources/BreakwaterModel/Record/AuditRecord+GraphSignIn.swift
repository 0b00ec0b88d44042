extension AuditRecord {
    /// Reads one Microsoft Graph sign-in (`/auditLogs/signIns`, v1.0 or beta) and maps it
    /// onto the fields of the audit feed's own sign-in records.
    ///
    /// The result is a ``RecordType/azureActiveDirectoryStsLogon`` record whose operation is
    /// `UserLoggedIn` when `status.errorCode` is 0 and `UserLoginFailed` otherwise, so that a
    /// sign-in reads the same whichever log it came from. The tenant is the resource tenant
    /// (the tenant whose log it is), falling back to the user's home tenant. The Graph object
    /// itself is kept as ``raw``, and its richer fields (location, MFA details, session ids)
    /// reach ``Event``.
    ///
    /// - Throws: ``AuditRecordError`` when the JSON is broken or `id` or `createdDateTime`
    ///   is missing.
    public init(graphSignInJSON raw: [UInt8]) throws(AuditRecordError) {
        self = try Self.readWhole(raw, from: .graphSignIn)
    }

    static func readGraphSignIn(_ buffer: UnsafeBufferPointer<UInt8>) -> Reading {
        let (text, skipped) = trimmingLeadingWhitespace(buffer)
        var fields = GraphSignInFields()
        let end: Int
        do throws(JSONSyntaxError) {
            let (valueEnd, isObject) = try JSONScanner.readObject(text) { key, scanner throws(JSONSyntaxError) in
                try fields.readMember(key, &scanner)
            }
            end = valueEnd
            guard isObject else {
                return .rejected(AuditRecordError(code: .notAnObject, message: "the sign-in is not a JSON object"), length: skipped + end)
            }
        } catch {
            return .malformed(JSONSyntaxError(offset: skipped + error.offset, reason: error.reason, isTruncation: error.isTruncation))
        }
        let length = skipped + end
        guard let id = fields.id else {
            return .rejected(AuditRecordError(code: .missingID, message: "the sign-in has no id"), length: length)
        }
        guard let creationTime = fields.createdDateTime else {
            let error =
                fields.invalidCreatedDateTime.map {
                    AuditRecordError(code: .invalidCreationTime, message: "createdDateTime '\($0)' is not an ISO-8601 date-time")
                } ?? AuditRecordError(code: .missingCreationTime, message: "the sign-in has no createdDateTime")
            return .rejected(error, length: length)
        }
        var spans = fields.spans
        spans.homeTenantID = fields.homeTenantID
        let succeeded = (fields.errorCode ?? 0) == 0
        let record = AuditRecord(
            raw: Array(UnsafeBufferPointer(rebasing: text[0..<end])), source: .graphSignIn, id: id, recordType: .azureActiveDirectoryStsLogon,
            creationTime: creationTime, operation: succeeded ? "UserLoggedIn" : "UserLoginFailed",
            organizationID: fields.resourceTenantID ?? fields.homeTenantID, userType: fields.userType,
            userID: fields.userPrincipalName, workload: "AzureActiveDirectory",
            resultStatus: succeeded ? "Success" : "Failed", clientIP: fields.ipAddress, spans: spans)
        return .record(record, length: length)
    }
}

/// The fields of a Graph sign-in, gathered in one pass.
struct GraphSignInFields {
    var id: RecordID?
    var createdDateTime: Timestamp?
    var invalidCreatedDateTime: String?
    var userPrincipalName: String?
    var ipAddress: String?
    var errorCode: Int64?
    var resourceTenantID: TenantID?
    var homeTenantID: TenantID?
    var userType: UserType?
    var spans = AuditRecord.Spans()

    mutating func readMember(_ key: JSONStringReference, _ scanner: inout JSONScanner) throws(JSONSyntaxError) {
        if scanner.matches(key, "id") {
            id = try scanner.readRecordID()
        } else if scanner.matches(key, "createdDateTime") {
            guard scanner.peek() == UInt8(ascii: "\"") else {
                invalidCreatedDateTime = try scanner.readScalarText() ?? "null"
                return
            }
            let reference = try scanner.readString()
            createdDateTime = Timestamp.parseISO8601(scanner.contents(of: reference))
            invalidCreatedDateTime = createdDateTime == nil ? scanner.string(reference) : nil
        } else if scanner.matches(key, "userPrincipalName") {
            userPrincipalName = try scanner.readScalarText()
        } else if scanner.matches(key, "userId") {
            spans.userKey = try scanner.spanOfValue()
        } else if scanner.matches(key, "ipAddress") {
            ipAddress = try scanner.readScalarText()
        } else if scanner.matches(key, "userAgent") {
            spans.userAgent = try scanner.spanOfValue()
        } else if scanner.matches(key, "status") {
            try readStatus(&scanner)
        } else if scanner.matches(key, "resourceTenantId") {
            resourceTenantID = try scanner.readTenantID()
        } else if scanner.matches(key, "homeTenantId") {
            homeTenantID = try scanner.readTenantID()
        } else if scanner.matches(key, "resourceId") {
            spans.objectID = try scanner.spanOfValue()
        } else if scanner.matches(key, "sessionId") {
            spans.sessionID = try scanner.spanOfValue()
        } else if scanner.matches(key, "uniqueTokenIdentifier") {
            spans.uniqueTokenID = try scanner.spanOfValue()
        } else if scanner.matches(key, "location") {
            spans.location = try scanner.spanOfValue()
        } else if scanner.matches(key, "authenticationDetails") {
            spans.authenticationDetails = try scanner.spanOfValue()
        } else if scanner.matches(key, "clientAppUsed") {
            spans.clientAppUsed = try scanner.spanOfValue()
        } else if scanner.matches(key, "authenticationRequirement") {
            spans.authenticationRequirement = try scanner.spanOfValue()
        } else if scanner.matches(key, "userType") {
            let text = try scanner.readScalarText()
            userType = text.map { $0.caseInsensitiveEquals("guest") ? .guest : .regular }
        } else {
            try scanner.skipValue()
        }
    }

    /// Reads `status` {errorCode, failureReason, additionalDetails}.
    private mutating func readStatus(_ scanner: inout JSONScanner) throws(JSONSyntaxError) {
        guard scanner.peek() == UInt8(ascii: "{") else {
            try scanner.skipValue()
            return
        }
        var object = try scanner.beginObject()
        while let key = try scanner.nextKey(in: &object) {
            if scanner.matches(key, "errorCode") {
                let span = try scanner.spanOfValue()
                spans.errorNumber = span
                var reread = JSONScanner(scanner.bytes, startingAt: Int(span.start))
                errorCode = try reread.readInteger()
            } else if scanner.matches(key, "failureReason") {
                spans.failureReason = try scanner.spanOfValue()
            } else {
                try scanner.skipValue()
            }
        }
    }
}
