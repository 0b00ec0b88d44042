extension RecordEncoder {
    /// Where and how a file was touched.
    struct FileAccess {
        var connection: Connection
        var client: FileClient
        var library: DocumentLibrary
        var file: DocumentLibrary.File
        var time: Int64
    }

    /// A file operation (RecordType 6): `FileAccessed`, `FileModified`, `FileDownloaded`,
    /// `FileSyncUploadedFull` …, with `ObjectId` = site URL + folder + file name (§3.8).
    func fileOperation(_ access: FileAccess, operation: String, _ random: inout SeededRandom) -> [UInt8] {
        var writer = JSONWriter()
        beginSharePointRecord(&writer, access, operation: operation, recordType: 6, &random)
        writer.field("FileSizeBytes", 18_000 + Int(random.next() % 2_400_000))
        finishSharePointRecord(&writer, access)
        return writer.bytes
    }

    /// A sharing operation (RecordType 14): `SecureLinkCreated`, `AddedToSecureLink`,
    /// `SharingInvitationCreated`, `AnonymousLinkCreated`.
    func sharingOperation(
        _ access: FileAccess, operation: String, target: String?, targetType: String?, eventData: String?, _ random: inout SeededRandom
    ) -> [UInt8] {
        var writer = JSONWriter()
        beginSharePointRecord(&writer, access, operation: operation, recordType: 14, &random)
        if let target { writer.field("TargetUserOrGroupName", target) }
        if let targetType { writer.field("TargetUserOrGroupType", targetType) }
        if let eventData { writer.field("EventData", eventData) }
        writer.field("UniqueSharingId", random.guid())
        finishSharePointRecord(&writer, access)
        return writer.bytes
    }

    private func beginSharePointRecord(
        _ writer: inout JSONWriter, _ access: FileAccess, operation: String, recordType: Int, _ random: inout SeededRandom
    ) {
        let connection = access.connection
        let person = connection.person
        let application = access.client.application
        beginAuditRecord(
            &writer, time: access.time, operation: operation, recordType: recordType, resultStatus: nil, userKey: person.sharePointUserKey,
            workload: access.library.workload, leadingContext: (connection, application), &random)
        writer.field("ClientIP", connection.address)
        writer.field("ObjectId", access.library.url(of: access.file))
        writer.field("UserId", person.userPrincipalName)
        writer.field("ApplicationId", application.id)
        writer.field("AuthenticationType", "OAuth")
        let device = connection.device
        if access.client == .browser {
            writer.field("BrowserName", device.browserType)
            writer.field("BrowserVersion", device.kind == .macLaptop || device.kind == .iPhone ? "18.1" : "130.0.0.0")
        }
        writer.field("CorrelationId", random.guid())
        writer.field("EventSource", "SharePoint")
        writer.field("GeoLocation", "GBR")
        writer.field("IsManagedDevice", device.isCompliant)
        writer.field("ItemType", "File")
        writer.field("ListId", access.library.listID)
        writer.field("ListItemUniqueId", access.file.uniqueID)
        writer.field("Platform", platform(device))
        writer.field("Site", access.library.siteID)
        writer.field("UserAgent", access.client.userAgent(on: device, file: access.file))
        writer.field("WebId", access.library.webID)
        if device.trust != nil, !device.isPhone { writer.field("DeviceDisplayName", device.name) }
        writer.field("HighPriorityMediaProcessing", false)
    }

    private func finishSharePointRecord(_ writer: inout JSONWriter, _ access: FileAccess) {
        writer.field("SourceFileExtension", access.file.fileExtension)
        writer.field("SiteUrl", access.library.siteURL)
        writer.field("SourceFileName", access.file.name)
        writer.field("SourceRelativeUrl", access.file.folder)
        writer.endObject()
    }

    private func platform(_ device: Device) -> String {
        switch device.kind {
        case .windowsLaptop: "WinDesktop"
        case .macLaptop: "MacDesktop"
        case .iPhone: "iOS"
        case .androidPhone: "Android"
        case .linuxServer: "Linux"
        }
    }
}
