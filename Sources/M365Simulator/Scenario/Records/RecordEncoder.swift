/// Writes the tenant's records in Microsoft's shapes: unified audit log `AuditData`
/// (contract §3) and Graph beta sign-ins (§5.1). One extension per workload.
struct RecordEncoder: Sendable {
    let company: Company

    /// The common schema (§3.1), in the order the feed writes it. SharePoint writes its
    /// members alphabetically, so its `AppAccessContext` comes first: pass `leadingContext`.
    func beginAuditRecord(
        _ writer: inout JSONWriter, time: Int64, operation: String, recordType: Int, resultStatus: String?, userKey: String,
        userType: Int = 0, workload: String, leadingContext: (Connection, EntraApplication)? = nil, _ random: inout SeededRandom
    ) {
        writer.beginObject()
        if let (connection, application) = leadingContext {
            appAccessContext(&writer, connection, application: application, time: time, &random)
        }
        writer.field("CreationTime", TimeText.auditLog(time))
        writer.field("Id", random.guid())
        writer.field("Operation", operation)
        writer.field("OrganizationId", company.tenantText)
        writer.field("RecordType", recordType)
        if let resultStatus { writer.field("ResultStatus", resultStatus) }
        writer.field("UserKey", userKey)
        writer.field("UserType", userType)
        writer.field("Version", 1)
        writer.field("Workload", workload)
    }

    /// `AppAccessContext`: the Entra session and token behind a workload record (§7.1).
    func appAccessContext(
        _ writer: inout JSONWriter, _ connection: Connection, application: EntraApplication, time: Int64, _ random: inout SeededRandom
    ) {
        writer.key("AppAccessContext")
        writer.beginObject()
        writer.field("AADSessionId", connection.session)
        writer.field("ClientAppId", application.id)
        writer.field("ClientAppName", application.name)
        writer.field("CorrelationId", random.guid())
        writer.field("IssuedAtTime", TimeText.auditLog(time - 600_000 - Int64(random.next() % 2_400_000)))
        writer.field("UniqueTokenId", connection.token)
        writer.endObject()
    }

    /// An Exchange back-end server name as `OriginatingServer` writes it (UK datacentres).
    func exchangeServer(_ random: inout SeededRandom) -> String {
        "LO\(random.integer(in: 2...6))P265MB\(random.integer(in: 1000...9999)) (15.20.8158.0\(random.integer(in: 10...29)))"
    }

    /// `ObjectId` of an Exchange object of a mailbox (`…/contoso.onmicrosoft.com/Megan Bowen`).
    func exchangeObject(_ person: Person, child: String? = nil) -> String {
        let base = "GBRP265A003.PROD.OUTLOOK.COM/Microsoft Exchange Hosted Organizations/\(company.organizationName)/\(person.displayName)"
        return child.map { base + "\\" + $0 } ?? base
    }
}
