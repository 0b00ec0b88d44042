extension RecordEncoder {
    /// `TeamsSessionStarted` (RecordType 25): a Teams client signed in and started.
    func teamsSessionStarted(_ connection: Connection, time: Int64, _ random: inout SeededRandom) -> [UInt8] {
        var writer = JSONWriter()
        beginAuditRecord(
            &writer, time: time, operation: "TeamsSessionStarted", recordType: 25, resultStatus: nil, userKey: connection.person.objectID,
            workload: "MicrosoftTeams", &random)
        writer.field("ClientIP", connection.address)
        writer.field("UserId", connection.person.userPrincipalName)
        let device = connection.device
        let (operatingSystem, version) =
            switch device.kind {
            case .windowsLaptop: ("windows", "10.0.22631")
            case .macLaptop: ("mac", "15.1")
            case .iPhone: ("ios", "18.1")
            case .androidPhone: ("android", "14")
            case .linuxServer: ("linux", "6.1")
            }
        writer.key("ExtraProperties")
        writer.beginArray()
        for (key, value) in [
            ("TimeZone", connection.place.timeZoneName), ("OsName", operatingSystem), ("OsVersion", version), ("Country", "gb"),
            ("ClientName", device.isPhone ? "teamsmobile" : "skypeteams"), ("ClientVersion", device.isPhone ? "6.20.1" : "49/24102001315"),
        ] {
            writer.beginObject()
            writer.field("Key", key)
            writer.field("Value", value)
            writer.endObject()
        }
        writer.endArray()
        appAccessContext(&writer, connection, application: .teams, time: time, &random)
        writer.endObject()
        return writer.bytes
    }

    /// `MemberAdded` (RecordType 25): someone was added to a team. `Role` 1 as Microsoft's
    /// own Teams example writes it (the numbering conflicts between Microsoft pages, §3.9).
    func teamsMemberAdded(_ connection: Connection, team: String, member: Person, time: Int64, _ random: inout SeededRandom) -> [UInt8] {
        var writer = JSONWriter()
        beginAuditRecord(
            &writer, time: time, operation: "MemberAdded", recordType: 25, resultStatus: nil, userKey: connection.person.objectID,
            workload: "MicrosoftTeams", &random)
        writer.field("ClientIP", connection.address)
        writer.field("UserId", connection.person.userPrincipalName)
        let groupID = company.teamIDs[team] ?? random.guid()
        writer.field("AADGroupId", groupID)
        writer.field("CommunicationType", "Team")
        writer.field("ItemName", team)
        writer.key("Members")
        writer.beginArray()
        writer.beginObject()
        writer.field("DisplayName", member.displayName)
        writer.field("Role", 1)
        writer.field("UPN", member.userPrincipalName)
        writer.endObject()
        writer.endArray()
        writer.field("TeamGuid", "19:" + groupID.filter { $0 != "-" } + "@thread.tacv2")
        writer.field("TeamName", team)
        appAccessContext(&writer, connection, application: .teams, time: time, &random)
        writer.endObject()
        return writer.bytes
    }
}
