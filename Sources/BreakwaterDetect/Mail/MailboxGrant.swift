import BreakwaterModel

/// A mailbox permission granted, as its record describes it, whichever way it was granted:
/// the admin cmdlets (`Add-MailboxPermission -AccessRights FullAccess`,
/// `Add-RecipientPermission -AccessRights SendAs`, `Set-Mailbox -GrantSendOnBehalfTo`,
/// `Add-`/`Set-MailboxFolderPermission`) or the mailbox's own audit of folder sharing from
/// Outlook (`AddFolderPermissions`, `UpdateFolderPermissions`, `ModifyFolderPermissions`,
/// with the grantee and rights in `Item.ParentFolder`).
///
/// Removals and grants that give nothing to read or send as (`ReadPermission`,
/// `AvailabilityOnly`, `None`) are not grants here.
struct MailboxGrant: Equatable {
    /// What the permission lets the grantee do.
    enum Access: String, Equatable {
        case fullAccess = "full access"
        case sendAs = "send as"
        case sendOnBehalf = "send on behalf"
        case folder = "folder access"
    }

    var access: Access
    /// The mailbox, lowercased, when the record names it.
    var mailbox: String?
    /// The folder shared (`Inbox`, `Calendar\Team`); `nil` for whole-mailbox rights, empty
    /// for the top of the mailbox.
    var folder: String?
    /// Who receives it: addresses lowercased, names as written (`Default`, `Adele Vance`).
    var grantees: [String]
    /// The rights as recorded (`FullAccess`, `Reviewer`, `ReadAny, Create, …`).
    var rights: String

    /// Whether the grant reaches mail (rather than a calendar, contacts, tasks or notes).
    var reachesMail: Bool {
        guard access == .folder, let folder else { return true }
        return !NonMailFolders.contains(folder)
    }

    /// Reads the grant `event` records; `nil` when it records a removal, a right that reads
    /// nothing, or no grant at all.
    init?(_ event: Event) {
        let parameters = event.parameters
        let operation = event.operation.identityLowercased
        let identity = PropertyValue.unwrapped(parameters["Identity"] ?? event.record.objectID)
        switch operation {
        case "add-mailboxpermission":
            let rights = PropertyValue.unwrapped(parameters["AccessRights"])
            guard Self.fullRights.contains(where: { rights.identityLowercased.contains($0) }) else { return nil }
            self.init(access: .fullAccess, mailbox: identity, folder: nil, grantees: RecipientList.parse(parameters["User"]), rights: rights)
        case "add-recipientpermission":
            let rights = PropertyValue.unwrapped(parameters["AccessRights"] ?? "SendAs")
            guard rights.identityLowercased.contains("sendas") else { return nil }
            self.init(access: .sendAs, mailbox: identity, folder: nil, grantees: RecipientList.parse(parameters["Trustee"]), rights: rights)
        case "set-mailbox":
            guard let value = parameters["GrantSendOnBehalfTo"] else { return nil }
            self.init(access: .sendOnBehalf, mailbox: identity, folder: nil, grantees: RecipientList.parse(value), rights: "SendOnBehalf")
        case "add-mailboxfolderpermission", "set-mailboxfolderpermission":
            let rights = PropertyValue.unwrapped(parameters["AccessRights"])
            let (mailbox, folder) = Self.split(folderIdentity: identity)
            self.init(access: .folder, mailbox: mailbox, folder: folder, grantees: RecipientList.parse(parameters["User"]), rights: rights)
        case "addfolderpermissions", "updatefolderpermissions", "modifyfolderpermissions":
            let parent = event.record.field("Item")?["ParentFolder"]
            let member = [parent?["MemberUpn"], parent?["MemberName"], parent?["MemberSid"]].lazy.compactMap { $0?.scalarText }
                .first { !PropertyValue.isEmpty($0) }
            let path = parent?["Path"]?.scalarText ?? parent?["Name"]?.scalarText ?? event.record.objectID ?? ""
            let folder = String(path.drop(while: { $0 == "\\" || $0 == "/" }))
            self.init(
                access: .folder, mailbox: event.mailboxOwner, folder: folder, grantees: RecipientList.parse(member),
                rights: parent?["MemberRights"]?.scalarText ?? "")
        default:
            return nil
        }
        if access == .folder, !Self.readingRights.contains(where: { rights.identityLowercased.contains($0) }) { return nil }
        grantees.removeAll(where: Self.isSystemPrincipal)
        guard !grantees.isEmpty else { return nil }
    }

    /// A grant with the given parts; the mailbox is lowercased, an empty one is unknown.
    init(access: Access, mailbox: String?, folder: String?, grantees: [String], rights: String) {
        self.access = access
        self.mailbox = mailbox.flatMap { $0.isEmpty ? nil : $0.identityLowercased }
        self.folder = folder
        self.grantees = grantees
        self.rights = rights
    }

    /// Whether `grantee` is everyone: `Default` (every user in the organisation) or
    /// `Anonymous` (anyone, unauthenticated).
    static func isEveryone(_ grantee: String) -> Bool {
        ["default", "anonymous", "everyone"].contains(grantee.identityLowercased)
    }

    /// `mailbox:\Inbox\Sub` → (`mailbox`, `Inbox\Sub`); an identity with no folder is the
    /// top of the mailbox (`""`).
    static func split(folderIdentity identity: String) -> (mailbox: String, folder: String) {
        guard let colon = identity.firstIndex(of: ":") else { return (identity, "") }
        let folder = identity[identity.index(after: colon)...].drop(while: { $0 == "\\" || $0 == "/" })
        return (String(identity[..<colon]), String(folder))
    }

    /// Exchange's own principals (`NT AUTHORITY\SELF`, well-known SIDs such as `S-1-5-10`),
    /// granted by the service when it creates mailboxes; `S-1-5-21-…` is a real account.
    private static func isSystemPrincipal(_ grantee: String) -> Bool {
        let lowered = grantee.identityLowercased
        return lowered.hasPrefix("nt authority\\") || (lowered.hasPrefix("s-1-5-") && !lowered.hasPrefix("s-1-5-21-"))
    }

    /// Mailbox rights that amount to the whole mailbox.
    private static let fullRights = ["fullaccess", "changepermission", "changeowner"]

    /// Folder rights (roles and `MemberRights` flags) that let the grantee read items.
    private static let readingRights = ["reviewer", "editor", "author", "owner", "readitems", "readany", "fullaccess"]
}
