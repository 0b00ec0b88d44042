import BreakwaterModel

extension JSONValue {
    /// The first member whose name equals `name` ignoring ASCII case, if this is an object
    /// that has one: producers disagree on the case of workload fields (`UPN`, `Upn`).
    func member(_ name: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key.caseInsensitiveEquals(name) }?.value
    }

    /// The text of the member `name` (see ``member(_:)``) when it is a non-empty scalar.
    func text(_ name: String) -> String? {
        guard let text = member(name)?.scalarText, !text.isEmpty else { return nil }
        return text
    }
}
