/// Something a person does once, on a given day, from their laptop during working hours:
/// the occasional events of an ordinary month that look unusual on their own.
struct PlannedAction: Sendable {
    enum Kind: Sendable {
        /// New-InboxRule from Outlook on the web, filing automated mail into a folder.
        case filingRule(Roster.FilingRule)
        /// The IT administrator gives `delegate` Full Access to `owner`'s mailbox.
        case grantMailboxAccess(owner: Int, delegate: Int)
        /// The IT administrator adds `member` to an Entra directory role.
        case assignRole(name: String, templateID: String, member: Int)
        /// A team owner adds a colleague to a team.
        case addTeamMember(team: String, member: Int)
        /// A file shared with a contact at a client company through a specific-people link.
        case shareWithClient(library: Int, file: Int, recipient: String)
        /// An anonymous (anyone) view link to a file, for a brochure.
        case anonymousLink(library: Int, file: Int)
        /// An out-of-office reply scheduled for a trip.
        case autoReply(start: Int64, end: Int64)
    }

    var day: Int
    var kind: Kind
}
