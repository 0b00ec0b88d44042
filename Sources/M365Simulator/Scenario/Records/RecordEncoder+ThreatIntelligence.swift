extension RecordEncoder {
    /// `TIUrlClickData` (RecordType 41): Safe Links saw someone click a link in a message
    /// and let them through. Written by the service (`UserKey` `ThreatIntel`, UserType 4),
    /// with the clicker's address in `UserIp`.
    func urlClick(_ connection: Connection, url: String, time: Int64, _ random: inout SeededRandom) -> [UInt8] {
        var writer = JSONWriter()
        beginAuditRecord(
            &writer, time: time, operation: "TIUrlClickData", recordType: 41, resultStatus: nil, userKey: "ThreatIntel", userType: 4,
            workload: "ThreatIntelligence", &random)
        writer.field("UserId", connection.person.userPrincipalName)
        writer.field("AppName", "Outlook")
        writer.field("AppVersion", "16.0.18129.20158")
        let explorer = "https://security.microsoft.com/?hash=/threatexplorer?dltarget=Explorer&dlstorage=Url&viewid=Phish"
        writer.field("EventDeepLink", explorer + "&query-NetworkMessageId=" + random.guid())
        writer.field("SourceId", random.guid())
        writer.field("TimeOfClick", TimeText.auditLog(time))
        writer.field("Url", url)
        writer.field("UserIp", connection.address)
        writer.endObject()
        return writer.bytes
    }
}
