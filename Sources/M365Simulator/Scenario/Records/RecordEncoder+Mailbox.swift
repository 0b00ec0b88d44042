extension RecordEncoder {
    /// How a mailbox record was reached: by the owner or by a delegate with Full Access.
    struct MailboxAccess {
        var connection: Connection
        var client: MailClient
        /// The mailbox's owner; the acting person unless a delegate reads someone else's mail.
        var owner: Person
        var time: Int64
    }

    /// `MailItemsAccessed` (RecordType 50): a `Bind` of `items` messages in one folder, or a
    /// `Sync` of a whole folder.
    func mailItemsAccessed(_ access: MailboxAccess, folder: String, sync: Bool, items: Int, _ random: inout SeededRandom) -> [UInt8] {
        var writer = JSONWriter()
        beginMailboxRecord(&writer, access, operation: "MailItemsAccessed", recordType: 50, &random)
        writer.nameValueList("OperationProperties", [("MailAccessType", sync ? "Sync" : "Bind"), ("IsThrottled", "False")])
        writer.key("Folders")
        writer.beginArray()
        writer.beginObject()
        writer.field("Id", folderID(access.owner, folder))
        writer.field("Path", "\\" + folder)
        if !sync {
            writer.key("FolderItems")
            writer.beginArray()
            for _ in 0..<max(1, items) {
                writer.beginObject()
                writer.field("InternetMessageId", messageID(&random))
                writer.endObject()
            }
            writer.endArray()
        }
        writer.endObject()
        writer.endArray()
        writer.field("OperationCount", sync ? 1 : max(1, items))
        writer.endObject()
        return writer.bytes
    }

    /// `MailItemsAccessed` binding one known message (the phishing mail being opened).
    func mailItemAccessed(_ access: MailboxAccess, folder: String, internetMessageID: String, _ random: inout SeededRandom) -> [UInt8] {
        var writer = JSONWriter()
        beginMailboxRecord(&writer, access, operation: "MailItemsAccessed", recordType: 50, &random)
        writer.nameValueList("OperationProperties", [("MailAccessType", "Bind"), ("IsThrottled", "False")])
        writer.key("Folders")
        writer.beginArray()
        writer.beginObject()
        writer.field("Id", folderID(access.owner, folder))
        writer.field("Path", "\\" + folder)
        writer.key("FolderItems")
        writer.beginArray()
        writer.beginObject()
        writer.field("InternetMessageId", internetMessageID)
        writer.endObject()
        writer.endArray()
        writer.endObject()
        writer.endArray()
        writer.field("OperationCount", 1)
        writer.endObject()
        return writer.bytes
    }

    /// `Send` (RecordType 2).
    func send(_ access: MailboxAccess, subject: String, hasAttachment: Bool, _ random: inout SeededRandom) -> [UInt8] {
        var writer = JSONWriter()
        beginMailboxRecord(&writer, access, operation: "Send", recordType: 2, &random)
        writer.key("Item")
        writer.beginObject()
        writer.field("Id", itemID(&random))
        writer.field("InternetMessageId", messageID(&random, host: "LO2P265MB\(random.integer(in: 1000...9999)).GBRP265.PROD.OUTLOOK.COM"))
        writer.key("ParentFolder")
        writer.beginObject()
        writer.field("Id", folderID(access.owner, "Sent Items"))
        writer.field("Path", "\\Sent Items")
        writer.endObject()
        writer.field("SizeInBytes", 9000 + Int(random.next() % (hasAttachment ? 900_000 : 60_000)))
        writer.field("Subject", subject)
        if hasAttachment { writer.field("Attachments", "Document.pdf (\(40_000 + random.next() % 400_000)b)") }
        writer.endObject()
        writer.endObject()
        return writer.bytes
    }

    /// `MoveToDeletedItems` (RecordType 3, a group record) of a few messages.
    func moveToDeletedItems(_ access: MailboxAccess, subjects: [String], _ random: inout SeededRandom) -> [UInt8] {
        var writer = JSONWriter()
        beginMailboxRecord(&writer, access, operation: "MoveToDeletedItems", recordType: 3, &random)
        writer.key("AffectedItems")
        writer.beginArray()
        for subject in subjects {
            writer.beginObject()
            writer.field("Attachments", "")
            writer.field("Id", itemID(&random))
            writer.field("InternetMessageId", messageID(&random))
            writer.key("ParentFolder")
            writer.beginObject()
            writer.field("Id", folderID(access.owner, "Inbox"))
            writer.field("Path", "\\Inbox")
            writer.endObject()
            writer.field("Subject", subject)
            writer.endObject()
        }
        writer.endArray()
        writer.field("CrossMailboxOperation", false)
        writer.key("DestFolder")
        writer.beginObject()
        writer.field("Id", folderID(access.owner, "Deleted Items"))
        writer.field("Path", "\\Deleted Items")
        writer.endObject()
        writer.key("Folder")
        writer.beginObject()
        writer.field("Id", folderID(access.owner, "Inbox"))
        writer.field("Path", "\\Inbox")
        writer.endObject()
        writer.endObject()
        return writer.bytes
    }

    /// A random `Internet-Message-Id` of a received message.
    func messageID(_ random: inout SeededRandom, host: String? = nil) -> String {
        let hosts = [
            "LO2P265MB4417.GBRP265.PROD.OUTLOOK.COM", "CWLP265MB3346.GBRP265.PROD.OUTLOOK.COM", "mail.gmail.com", "eu-west-1.amazonses.com",
            "AM6PR04MB5734.eurprd04.prod.outlook.com",
        ]
        return "<" + random.hex(20) + "@" + (host ?? hosts[Int(random.next() % UInt64(hosts.count))]) + ">"
    }

    private func beginMailboxRecord(
        _ writer: inout JSONWriter, _ access: MailboxAccess, operation: String, recordType: Int, _ random: inout SeededRandom
    ) {
        let connection = access.connection
        let actor = connection.person
        let delegated = actor.index != access.owner.index
        beginAuditRecord(
            &writer, time: access.time, operation: operation, recordType: recordType, resultStatus: "Succeeded", userKey: actor.puid,
            workload: "Exchange", &random)
        let mapped = access.client == .outlookDesktop
        writer.field("ClientIP", mapped ? connection.mappedAddress : connection.address)
        writer.field("UserId", actor.userPrincipalName)
        appAccessContext(&writer, connection, application: access.client.application, time: access.time, &random)
        writer.field("AppId", access.client.application.id)
        writer.field("ClientAppId", access.client.application.id)
        writer.field("ClientIPAddress", connection.address)
        writer.field("ClientInfoString", access.client.clientInfoString)
        writer.field("ExternalAccess", false)
        writer.field("InternalLogonType", 0)
        writer.field("LogonType", delegated ? 2 : 0)
        writer.field("LogonUserSid", actor.sid)
        writer.field("MailboxGuid", access.owner.mailboxGUID)
        writer.field("MailboxOwnerSid", access.owner.sid)
        writer.field("MailboxOwnerUPN", access.owner.userPrincipalName)
        writer.field("OrganizationName", company.organizationName)
        writer.field("OriginatingServer", exchangeServer(&random))
        writer.field("SessionId", connection.mailboxSession)
        writer.field("TokenObjectId", actor.objectID)
        writer.field("TokenTenantId", company.tenantText)
    }

    private func folderID(_ owner: Person, _ folder: String) -> String {
        var random = SeededRandom(seed: StableHash.of(owner.mailboxGUID, folder))
        return "LgAAAAA" + random.characters(38) + "AAAB"
    }

    private func itemID(_ random: inout SeededRandom) -> String {
        "RgAAAAA" + random.characters(52) + "AAAJ"
    }
}
