extension RecordEncoder {
    /// An Exchange cmdlet (RecordType 1, §3.4) run by a person from Outlook on the web or
    /// the admin centre: every parameter in `Parameters`, `ResultStatus` `True`, and the
    /// client address with its port.
    func exchangeCmdlet(
        _ connection: Connection, time: Int64, operation: String, objectID: String, parameters: [(String, String)], _ random: inout SeededRandom
    ) -> [UInt8] {
        let person = connection.person
        var writer = JSONWriter()
        beginAuditRecord(
            &writer, time: time, operation: operation, recordType: 1, resultStatus: "True", userKey: person.objectID, workload: "Exchange", &random)
        writer.field("ClientIP", connection.address(withPort: random.integer(in: 49152...65000)))
        writer.field("ObjectId", objectID)
        writer.field("UserId", person.userPrincipalName)
        writer.field("AppId", EntraApplication.outlookWeb.id)
        writer.field("ClientAppId", "")
        writer.field("ExternalAccess", false)
        writer.field("OrganizationName", company.organizationName)
        writer.field("OriginatingServer", exchangeServer(&random))
        writer.nameValueList("Parameters", parameters)
        writer.field("SessionId", connection.mailboxSession)
        appAccessContext(&writer, connection, application: .outlookWeb, time: time, &random)
        writer.endObject()
        return writer.bytes
    }

    /// Exchange's own maintenance (`Set-Mailbox` by the service host, UserType 3): the
    /// background noise of every tenant's admin log.
    func systemSetMailbox(_ mailbox: Person, time: Int64, _ random: inout SeededRandom) -> [UInt8] {
        let system = "NT AUTHORITY\\SYSTEM (Microsoft.Exchange.ServiceHost)"
        var writer = JSONWriter()
        beginAuditRecord(
            &writer, time: time, operation: "Set-Mailbox", recordType: 1, resultStatus: "True", userKey: system, userType: 3, workload: "Exchange",
            &random)
        writer.field("ClientIP", "")
        writer.field("ObjectId", exchangeObject(mailbox))
        writer.field("UserId", system)
        writer.field("AppId", "")
        writer.field("ClientAppId", "")
        writer.field("ExternalAccess", true)
        writer.field("OrganizationName", company.organizationName)
        writer.field("OriginatingServer", exchangeServer(&random))
        writer.nameValueList("Parameters", [("Identity", mailbox.objectID), ("RetentionPolicy", "Default MRM Policy"), ("Force", "True")])
        writer.field("SessionId", "")
        writer.endObject()
        return writer.bytes
    }
}
