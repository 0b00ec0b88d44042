import BreakwaterModel

/// Which kind of network an address belongs to, from the IANA special-purpose registries
/// (RFC 6890 and its updates): only Internet addresses have a location.
enum AddressScope {
    private static let table: [(String, NetworkFacts.Scope)] = [
        ("0.0.0.0/8", .reserved), ("10.0.0.0/8", .privateNetwork), ("100.64.0.0/10", .sharedAddressSpace),
        ("127.0.0.0/8", .loopback), ("169.254.0.0/16", .linkLocal), ("172.16.0.0/12", .privateNetwork),
        ("192.0.0.0/24", .reserved), ("192.0.2.0/24", .reserved), ("192.168.0.0/16", .privateNetwork),
        ("198.18.0.0/15", .reserved), ("198.51.100.0/24", .reserved), ("203.0.113.0/24", .reserved),
        ("224.0.0.0/4", .reserved), ("240.0.0.0/4", .reserved),
        ("::/128", .reserved), ("::1/128", .loopback), ("64:ff9b:1::/48", .reserved), ("100::/64", .reserved),
        ("2001:db8::/32", .reserved), ("fc00::/7", .privateNetwork), ("fe80::/10", .linkLocal), ("ff00::/8", .reserved),
    ]

    private static let ranges = table.map { (network: IPNetwork($0.0)!, scope: $0.1) }

    /// The scope of `address`.
    static func of(_ address: IPAddress) -> NetworkFacts.Scope {
        ranges.first { $0.network.contains(address) }?.scope ?? .internet
    }
}
