import Foundation

/// An inbox rule (`messageRule`) of a mailbox: what response needs to judge and remove it.
///
/// The rule's JSON is kept in ``json`` for the evidence trail; conditions are left there.
public struct MessageRule: GraphCollectionElement, Hashable {
    /// What the rule does to a matching message.
    public struct Actions: Hashable, Sendable, Decodable {
        /// Folder id the message is moved to.
        public var moveToFolder: String?
        /// Folder id the message is copied to.
        public var copyToFolder: String?
        /// Moved to Deleted Items.
        public var delete: Bool?
        public var permanentDelete: Bool?
        public var markAsRead: Bool?
        public var stopProcessingRules: Bool?
        public var forwardTo: [Recipient]?
        public var forwardAsAttachmentTo: [Recipient]?
        public var redirectTo: [Recipient]?
        public var assignCategories: [String]?
    }

    /// A recipient of a forward or redirect.
    public struct Recipient: Hashable, Sendable, Decodable {
        /// The address and display name.
        public struct EmailAddress: Hashable, Sendable, Decodable {
            public var name: String?
            public var address: String?
        }

        public var emailAddress: EmailAddress?
    }

    private struct Fields: Decodable {
        var id: String
        var displayName: String?
        var sequence: Int?
        var isEnabled: Bool?
        var hasError: Bool?
        var isReadOnly: Bool?
        var actions: Actions?
    }

    /// The rule id, for deletion.
    public var id: String
    public var displayName: String?
    /// The order in which rules run.
    public var sequence: Int?
    public var isEnabled: Bool?
    public var hasError: Bool?
    public var isReadOnly: Bool?
    public var actions: Actions?
    /// The rule's JSON as Graph sent it.
    public var json: [UInt8]

    public init(graphJSON: [UInt8]) throws {
        let fields = try MicrosoftJSON.decode(Fields.self, from: graphJSON, what: "an inbox rule")
        id = fields.id
        displayName = fields.displayName
        sequence = fields.sequence
        isEnabled = fields.isEnabled
        hasError = fields.hasError
        isReadOnly = fields.isReadOnly
        actions = fields.actions
        json = graphJSON
    }
}
