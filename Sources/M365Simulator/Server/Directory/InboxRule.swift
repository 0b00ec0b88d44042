import BreakwaterModel
import Foundation

/// An inbox rule as Graph's `messageRule` shows it (contract §5.2), made from the
/// `New-InboxRule` record that created it, so that Graph and the audit log agree.
struct InboxRule: Sendable {
    /// Opaque and stable, like Exchange's (`AQAAAJ5dZqA=`).
    let id: String
    /// The mailbox owner's object id.
    let owner: String
    let created: Int64
    let displayName: String
    /// The `messageRule` JSON.
    let json: JSONValue

    init?(record: JSONValue, owner: SimulatedDirectory.User, created: Int64, sequence: Int) {
        let parameters = Self.parameters(record["Parameters"])
        guard let name = parameters["Name"] else { return nil }
        var hash = StableHash.of(owner.id, name, String(created))
        id = withUnsafeBytes(of: &hash) { Data([1, 0, 0, 0] + $0.prefix(4)).base64EncodedString() }
        self.owner = owner.id
        self.created = created
        displayName = name

        func words(_ parameter: String) -> JSONValue? {
            parameters[parameter].map { text in
                .array(text.split { $0 == ";" || $0 == "," }.map { .string($0.trimmingCharacters(in: .whitespaces)) })
            }
        }
        func recipients(_ parameter: String) -> JSONValue? {
            words(parameter).map { list in
                .array((list.arrayValue ?? []).map { ["emailAddress": ["name": $0, "address": $0]] })
            }
        }
        var conditions: [JSONValue.Member] = []
        for (parameter, property) in [
            ("SubjectContainsWords", "subjectContains"), ("BodyContainsWords", "bodyContains"),
            ("SubjectOrBodyContainsWords", "bodyOrSubjectContains"), ("FromAddressContainsWords", "senderContains"),
            ("HeaderContainsWords", "headerContains"),
        ] {
            if let value = words(parameter) { conditions.append(.init(key: property, value: value)) }
        }
        if let from = recipients("From") { conditions.append(.init(key: "fromAddresses", value: from)) }
        if let sentTo = recipients("SentTo") { conditions.append(.init(key: "sentToAddresses", value: sentTo)) }

        var actions: [JSONValue.Member] = []
        if let folder = parameters["MoveToFolder"] {
            var folderHash = StableHash.of(owner.id, folder)
            let folderID = withUnsafeBytes(of: &folderHash) { Data(Array("AAMkAGI2".utf8) + $0).base64EncodedString() }
            actions.append(.init(key: "moveToFolder", value: .string(folderID)))
        }
        for (parameter, property) in [("ForwardTo", "forwardTo"), ("ForwardAsAttachmentTo", "forwardAsAttachmentTo"), ("RedirectTo", "redirectTo")] {
            if let value = recipients(parameter) { actions.append(.init(key: property, value: value)) }
        }
        for (parameter, property) in [
            ("MarkAsRead", "markAsRead"), ("StopProcessingRules", "stopProcessingRules"), ("DeleteMessage", "delete"),
            ("PermanentDelete", "permanentDelete"),
        ] {
            if let value = parameters[parameter] { actions.append(.init(key: property, value: .bool(value.lowercased() == "true"))) }
        }
        json = .object([
            .init(key: "id", value: .string(id)), .init(key: "displayName", value: .string(name)),
            .init(key: "sequence", value: .number(String(sequence))), .init(key: "isEnabled", value: true), .init(key: "hasError", value: false),
            .init(key: "isReadOnly", value: false), .init(key: "conditions", value: .object(conditions)), .init(key: "actions", value: .object(actions)),
        ])
    }

    /// `Parameters` as name → value; the feed sometimes writes the array as a JSON string
    /// (contract §3.1).
    private static func parameters(_ value: JSONValue?) -> [String: String] {
        var list = value?.arrayValue
        if list == nil, let text = value?.stringValue, let decoded = try? JSONValue(parsing: text) { list = decoded.arrayValue }
        var result: [String: String] = [:]
        for entry in list ?? [] {
            if let name = entry["Name"]?.stringValue, let value = entry["Value"]?.scalarText { result[name] = value }
        }
        return result
    }
}
