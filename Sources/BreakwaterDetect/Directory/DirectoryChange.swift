import BreakwaterModel

/// An Entra directory change (RecordType 8) as detectors read it: what it changed, from what
/// to what, and on whom.
///
/// The object changed is named in `ObjectId` and in the `Target` array (`[{ID, Type}]`: a
/// user's UPN has Type 5, a display name Type 1, object ids Type 2); each changed property
/// is a `ModifiedProperties` entry whose values are often JSON text with line breaks
/// (`"[\r\n  \"Global Administrator\"\r\n]"`). The targets are read only when asked for:
/// reading them parses the whole record.
struct DirectoryChange {
    let event: Event
    let properties: PropertyBag

    init(_ event: Event) {
        self.event = event
        properties = event.modifiedProperties
    }

    /// The operation lowercased, without the trailing period Entra usually adds
    /// (`Add member to role.` → `add member to role`).
    var operation: String {
        let lowered = event.operation.trimmingASCIIWhitespace.identityLowercased
        return lowered.hasSuffix(".") ? String(lowered.dropLast()) : lowered
    }

    /// `ObjectId`, when present.
    var objectID: String? {
        event.record.objectID.flatMap { $0.trimmingASCIIWhitespace.isEmpty ? nil : $0 }
    }

    /// The `Target` entries in record order (read from the record when asked for).
    var targets: [(id: String, type: Int?)] {
        (event.record.field("Target")?.arrayValue ?? []).compactMap { entry in
            guard let id = entry["ID"]?.scalarText ?? entry["Id"]?.scalarText, !id.trimmingASCIIWhitespace.isEmpty else { return nil }
            return (id, (entry["Type"]?.scalarText).flatMap { Int($0) })
        }
    }

    /// The user changed: the first UPN among the targets, else `ObjectId`, lowercased.
    var targetUser: String? {
        let targets = targets
        let upn = targets.first { $0.type == 5 && $0.id.contains("@") } ?? targets.first { $0.id.contains("@") }
        return (upn?.id ?? objectID)?.identityLowercased
    }

    /// The object's display name: a Type 1 target, else `ObjectId` unless it is a bare id,
    /// else the first target that reads like a name.
    var displayName: String? {
        let targets = targets
        if let name = targets.first(where: { $0.type == 1 })?.id { return name }
        if let objectID, !Self.isIdentifier(objectID) { return objectID }
        return targets.first { !Self.isIdentifier($0.id) && !$0.id.contains("@") }?.id ?? objectID
    }

    /// The new value of property `name`, unwrapped (``PropertyValue/unwrapped(_:)``);
    /// `nil` when the property did not change.
    func newValue(_ name: String) -> String? {
        properties.entry(named: name).map { PropertyValue.unwrapped($0.value) }
    }

    /// The old value of property `name`, unwrapped; `nil` when the property did not change.
    func oldValue(_ name: String) -> String? {
        properties.entry(named: name).map { PropertyValue.unwrapped($0.oldValue) }
    }

    /// Whether `text` is an object id rather than a name: a GUID, or Entra's typed ids
    /// (`ServicePrincipal_…`, `User_…`) and type names (`ServicePrincipal`, `User`).
    static func isIdentifier(_ text: String) -> Bool {
        let lowered = text.identityLowercased
        if ["user", "serviceprincipal", "application", "group", "device"].contains(lowered) { return true }
        if let underscore = lowered.firstIndex(of: "_"),
            ["user", "serviceprincipal", "application", "group", "device"].contains(String(lowered[..<underscore]))
        {
            return true
        }
        let parts = lowered.split(separator: "-", omittingEmptySubsequences: false)
        return parts.map(\.count) == [8, 4, 4, 4, 12] && parts.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }
}
