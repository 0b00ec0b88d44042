import BreakwaterModel

/// What a Teams membership record (`MemberAdded`, RecordType 25) says: the team and the
/// members added (contract §3.9), whatever the case of the fields and whether `Members` is an
/// array or JSON text holding one.
struct TeamMembership {
    /// One member the record names.
    struct Member {
        /// `UPN`, lowercased; `nil` when absent.
        var upn: String?
        /// `Role` as recorded. Microsoft's pages disagree on the numbering (1 is Owner in both;
        /// 3 is Guest in one and unused in the other), so only those two are read.
        var role: Int?

        /// Whether the role says guest (3 in the numbering that has one).
        var isGuestRole: Bool { role == 3 }
    }

    /// `TeamName`, else `TeamGuid`, else `""`.
    var team: String
    var members: [Member]

    init(_ record: AuditRecord) {
        let tree = record.tree
        team = tree?.text("TeamName") ?? tree?.text("TeamGuid") ?? ""
        var list = tree?.member("Members")
        if let text = list?.stringValue {
            list = try? JSONValue(parsing: text)
        }
        members = (list?.arrayValue ?? []).map { member in
            Member(upn: member.text("UPN")?.identityLowercased, role: member.text("Role").flatMap { Int($0) })
        }
    }
}
