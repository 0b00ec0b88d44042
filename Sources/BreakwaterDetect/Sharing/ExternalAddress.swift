import Foundation

/// Addresses outside the tenant, as sharing and Teams records name people: e-mail addresses
/// in other domains, and guest accounts (`someone_fabrikam.example#EXT#@contoso.onmicrosoft.com`).
enum ExternalAddress {
    /// Whether `address` is a guest account's user name (it holds `#EXT#`).
    static func isGuestAccount(_ address: String) -> Bool {
        address.range(of: "#ext#", options: .caseInsensitive) != nil
    }

    /// Whether `address` is outside the tenant: a guest account, or an e-mail address in a
    /// domain that is not the tenant's. Names without an `@` (groups, "Everyone except external
    /// users") are not addresses and are not external.
    static func isExternal(_ address: String, in configuration: TenantConfiguration) -> Bool {
        if isGuestAccount(address) { return true }
        guard address.contains("@") else { return false }
        return !configuration.isInternal(address)
    }

    /// The address for people, lowercased: a guest account's own address
    /// (`someone@fabrikam.example` for `someone_fabrikam.example#EXT#@contoso.onmicrosoft.com`),
    /// any other address as it is.
    static func readable(_ address: String) -> String {
        let lowered = address.lowercased()
        guard let marker = lowered.range(of: "#ext#") else { return lowered }
        let local = lowered[..<marker.lowerBound]
        guard let underscore = local.lastIndex(of: "_") else { return String(local) }
        return local[..<underscore] + "@" + local[local.index(after: underscore)...]
    }
}
