public import BreakwaterModel
import Foundation

/// An inbox rule as a created or changed rule's record describes it, whichever way it was
/// made: the `New-InboxRule`/`Set-InboxRule` cmdlets (Outlook on the web, PowerShell: every
/// parameter in `Parameters`) or `UpdateInboxRules` (Outlook and Exchange Web Services: the
/// rule's name, condition and actions in `OperationProperties`, as text).
public struct InboxRuleDefinition: Sendable, Hashable {
    public var name: String?
    /// The mailbox the rule is on.
    public var mailbox: String?
    /// The folder matching mail is moved to (last path component: `RSS Feeds`).
    public var moveToFolder: String?
    public var copyToFolder: String?
    public var deletes: Bool
    public var marksAsRead: Bool
    public var stopsProcessing: Bool
    /// Addresses matching mail is forwarded or redirected to.
    public var forwardsTo: [String]
    /// Conditions and exceptions, as `name: value`.
    public var conditions: [String]
    /// Actions, as `name: value`.
    public var actions: [String]
    /// The operation that made or changed the rule.
    public var operation: String

    /// Reads the rule of an inbox-rule record.
    public init(_ event: Event) {
        operation = event.operation
        name = nil
        mailbox = event.mailboxOwner
        moveToFolder = nil
        copyToFolder = nil
        deletes = false
        marksAsRead = false
        stopsProcessing = false
        forwardsTo = []
        conditions = []
        actions = []
        if event.operation.caseInsensitiveEquals("UpdateInboxRules") {
            readUpdateInboxRules(event.operationProperties)
        } else {
            readCmdlet(event.parameters, objectID: event.record.objectID)
        }
        if mailbox == nil { mailbox = event.actor }
    }

    private mutating func readCmdlet(_ parameters: PropertyBag, objectID: String?) {
        for entry in parameters.entries {
            let value = entry.value ?? ""
            switch entry.name.identityLowercased {
            case "name": name = value
            case "mailbox": mailbox = value.identityLowercased
            case "identity":
                // `Set-InboxRule -Identity "mailbox\rule"`: the mailbox, then the rule.
                if let slash = value.lastIndex(of: "\\") {
                    mailbox = mailbox ?? String(value[..<slash]).identityLowercased
                    name = name ?? String(value[value.index(after: slash)...])
                } else {
                    name = name ?? value
                }
            case "movetofolder":
                moveToFolder = Self.folderName(value)
                actions.append("MoveToFolder: \(value)")
            case "copytofolder":
                copyToFolder = Self.folderName(value)
                actions.append("CopyToFolder: \(value)")
            case "deletemessage", "softdeletemessage", "permanentdelete":
                if Self.isTrue(value) {
                    deletes = true
                    actions.append("\(entry.name): \(value)")
                }
            case "markasread":
                if Self.isTrue(value) {
                    marksAsRead = true
                    actions.append("MarkAsRead: \(value)")
                }
            case "stopprocessingrules":
                if Self.isTrue(value) {
                    stopsProcessing = true
                    actions.append("StopProcessingRules: \(value)")
                }
            case "forwardto", "forwardasattachmentto", "redirectto", "sendtextmessagenotificationto":
                forwardsTo += Self.addresses(in: value)
                actions.append("\(entry.name): \(value)")
            case "markimportance", "applycategory", "applysystemcategory", "pinmessage":
                actions.append("\(entry.name): \(value)")
            case "force", "alwaysdeleteoutlookrulesblob", "priority", "enabled", "confirm", "erroraction", "domaincontroller",
                "validateonly", "whatif", "warningaction":
                continue
            default:
                conditions.append("\(entry.name): \(value)")
            }
        }
        if name == nil, let objectID, let slash = objectID.lastIndex(of: "\\") {
            name = String(objectID[objectID.index(after: slash)...])
        }
    }

    private mutating func readUpdateInboxRules(_ properties: PropertyBag) {
        name = properties["RuleName"]
        if let condition = properties["RuleCondition"], !condition.isEmpty { conditions.append(condition) }
        let actionText = [properties["RuleActions"], properties["ServerRule"]].compactMap(\.self).joined(separator: " ")
        if let actionList = properties["RuleActions"], !actionList.isEmpty { actions.append(actionList) }
        let lowered = actionText.identityLowercased
        deletes = lowered.contains("delete")
        marksAsRead = lowered.contains("markasread") || lowered.contains("markread")
        stopsProcessing = lowered.contains("stopprocessing") || lowered.contains("\"stop\"")
        if lowered.contains("forward") || lowered.contains("redirect") {
            forwardsTo = Self.addresses(in: actionText)
        }
        if let folder = Self.folder(inActionText: actionText) { moveToFolder = folder }
    }

    /// A folder named in an `UpdateInboxRules` action text (`"FolderName":"RSS Feeds"`,
    /// `MoveToFolder: RSS Feeds`), when it names one.
    private static func folder(inActionText text: String) -> String? {
        for marker in ["\"FolderName\":\"", "\"Folder\":\"", "MoveToFolder: ", "MoveToFolder:"] {
            guard let range = text.range(of: marker) else { continue }
            let rest = text[range.upperBound...]
            let end = rest.firstIndex { $0 == "\"" || $0 == ";" || $0 == "," || $0 == "]" || $0 == "}" } ?? rest.endIndex
            let folder = folderName(String(rest[..<end]))
            if !folder.isEmpty { return folder }
        }
        return nil
    }

    /// The last component of a folder path (`megan@contoso.com:\Inbox\RSS Feeds` → `RSS Feeds`).
    static func folderName(_ value: String) -> String {
        let trimmed = value.trimmingASCIIWhitespace
        let last = trimmed.split(whereSeparator: { $0 == "\\" || $0 == ":" || $0 == "/" }).last.map(String.init) ?? trimmed
        return last.trimmingASCIIWhitespace
    }

    private static func isTrue(_ value: String) -> Bool {
        value.identityLowercased == "true" || value == "1" || value.identityLowercased == "$true"
    }

    /// Every e-mail address in `text` (`"Name" [SMTP:a@b.com]; c@d.com`), lowercased.
    static func addresses(in text: String) -> [String] {
        let separators: Set<Character> = [";", ",", " ", "[", "]", "\"", "'", "<", ">", "(", ")", "{", "}", ":"]
        var found: [String] = []
        for token in text.split(whereSeparator: { separators.contains($0) }) where token.contains("@") {
            let address = String(token).identityLowercased.trimmingCharacters(in: ".")
            if address.split(separator: "@").count == 2, !found.contains(address) { found.append(address) }
        }
        return found
    }

    /// The rule as an investigator needs it to remove it.
    public func finding(at event: Event) -> InboxRuleFinding {
        InboxRuleFinding(
            name: name ?? "", mailbox: mailbox, conditions: conditions, actions: actions, time: event.time, record: event.id)
    }
}

extension String {
    /// The string without leading and trailing `characters`.
    func trimmingCharacters(in characters: String) -> String {
        let set = Set(characters)
        guard let first = firstIndex(where: { !set.contains($0) }), let last = lastIndex(where: { !set.contains($0) }) else { return "" }
        return String(self[first...last])
    }
}
