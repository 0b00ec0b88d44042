import BreakwaterModel

/// The user properties behind Entra's multi-factor authentication, as `Update user.` records
/// show them changing, and what a change to them means.
///
/// `StrongAuthenticationMethod` lists the registered methods (one JSON object each, with a
/// `MethodType` and whether it is the default); `StrongAuthenticationPhoneAppDetail` the
/// authenticator apps; `StrongAuthenticationUserDetails` the phone numbers and e-mail used
/// for codes; `StrongAuthenticationRequirement` the per-user MFA state (`Enabled` or
/// `Enforced`; an empty list means per-user MFA is off).
enum StrongAuthentication {
    static let methodProperties = ["StrongAuthenticationMethod", "StrongAuthenticationPhoneAppDetail", "StrongAuthenticationUserDetails"]
    static let methodList = "StrongAuthenticationMethod"
    static let requirement = "StrongAuthenticationRequirement"

    /// What a change does to the user's methods.
    enum MethodChange: Equatable {
        /// A method, app or phone number was added or replaced: a new way to pass MFA.
        case registered
        /// Some methods were removed, others remain.
        case removedSome
        /// Every method was removed (an administrator's "require re-register", or a user
        /// deleting the last one): the next sign-in registers whatever phone it holds.
        case removedAll
    }

    /// What `change` does to the user's methods; `nil` when it touches none of them.
    static func methodChange(in change: DirectoryChange) -> MethodChange? {
        let touched = methodProperties.compactMap { name in change.properties.entry(named: name) }
        guard !touched.isEmpty else { return nil }
        if let list = change.properties.entry(named: methodList), entryCount(list.oldValue) > 0, entryCount(list.value) == 0 {
            return .removedAll
        }
        let grew = touched.contains { entryCount($0.value) > entryCount($0.oldValue) }
        let replaced = touched.contains { entry in
            entryCount(entry.value) > 0 && entryCount(entry.value) == entryCount(entry.oldValue)
                && PropertyValue.unwrapped(entry.value) != PropertyValue.unwrapped(entry.oldValue)
        }
        return grew || replaced ? .registered : .removedSome
    }

    /// Whether `change` turns per-user MFA off: the requirement held an `Enabled` or
    /// `Enforced` state before and holds none (or `Disabled`) after.
    static func requirementRemoved(in change: DirectoryChange) -> Bool {
        guard let entry = change.properties.entry(named: requirement), entryCount(entry.oldValue) > 0 else { return false }
        return entryCount(entry.value) == 0 || PropertyValue.unwrapped(entry.value).identityLowercased.contains("disabled")
    }

    /// The number of entries in a property value: its JSON objects, or one for a bare
    /// non-empty value, none for an empty list.
    static func entryCount(_ value: String?) -> Int {
        guard !PropertyValue.isEmpty(value), let value else { return 0 }
        return max(1, value.reduce(0) { $1 == "{" ? $0 + 1 : $0 })
    }
}
