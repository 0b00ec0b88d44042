extension RecordEncoder {
    /// `Add member to role.` (RecordType 8, §3.7): an administrator gives someone a
    /// directory role; the role in `ModifiedProperties`, actor and target as id lists.
    func addMemberToRole(
        by administrator: Person, member: Person, role: String, templateID: String, time: Int64, _ random: inout SeededRandom
    ) -> [UInt8] {
        var writer = JSONWriter()
        beginAuditRecord(
            &writer, time: time, operation: "Add member to role.", recordType: 8, resultStatus: "Success", userKey: administrator.objectID,
            workload: "AzureActiveDirectory", &random)
        writer.field("ClientIP", "<null>")
        writer.field("ObjectId", member.userPrincipalName)
        writer.field("UserId", administrator.userPrincipalName)
        writer.field("AzureActiveDirectoryEventType", 1)
        writer.nameValueList("ExtendedProperties", [("additionalDetails", "{}"), ("extendedAuditEventCategory", "User")])
        writer.key("ModifiedProperties")
        writer.beginArray()
        for (name, value) in [
            ("Role.ObjectID", random.guid()), ("Role.DisplayName", role), ("Role.TemplateId", templateID),
            ("Role.WellKnownObjectName", role.filter { $0 != " " }),
        ] {
            writer.beginObject()
            writer.field("Name", name)
            writer.field("NewValue", value)
            writer.field("OldValue", "")
            writer.endObject()
        }
        writer.endArray()
        writer.key("Actor")
        writer.beginArray()
        for (id, type) in [
            (administrator.userPrincipalName, 5), (administrator.puid, 3), ("User_" + administrator.objectID, 2), (administrator.objectID, 2),
            ("User", 2),
        ] {
            writer.beginObject()
            writer.field("ID", id)
            writer.field("Type", type)
            writer.endObject()
        }
        writer.endArray()
        writer.field("ActorContextId", company.tenantText)
        writer.field("InterSystemsId", random.guid())
        writer.field("IntraSystemId", random.guid())
        writer.field("SupportTicketId", "")
        writer.key("Target")
        writer.beginArray()
        for (id, type) in [("User_" + member.objectID, 2), (member.objectID, 2), ("User", 2), (member.userPrincipalName, 5), (member.puid, 3)] {
            writer.beginObject()
            writer.field("ID", id)
            writer.field("Type", type)
            writer.endObject()
        }
        writer.endArray()
        writer.field("TargetContextId", company.tenantText)
        writer.endObject()
        return writer.bytes
    }
}
