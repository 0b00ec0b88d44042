/// A range of addresses written in CIDR notation (`203.0.113.0/24`, `2001:db8::/32`), or a
/// single address.
public struct IPNetwork: Hashable, Sendable, CustomStringConvertible {
    /// The first address of the range.
    public let lowerBound: IPAddress
    /// The last address of the range.
    public let upperBound: IPAddress
    /// The prefix length in the address's own family (0–32 for IPv4, 0–128 for IPv6).
    public let prefixLength: Int

    /// Reads `address/prefix` or a lone address (a range of one).
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let address = IPAddress(String(parts[0])) else { return nil }
        let familyBits = address.isIPv4 ? 32 : 128
        var prefix = familyBits
        if parts.count == 2 {
            guard let parsed = Int(parts[1]), (0...familyBits).contains(parsed) else { return nil }
            prefix = parsed
        }
        let hostBits = familyBits - prefix
        let (highMask, lowMask) = Self.hostMask(bits: hostBits)
        lowerBound = IPAddress(high: address.high & ~highMask, low: address.low & ~lowMask)
        upperBound = IPAddress(high: address.high | highMask, low: address.low | lowMask)
        prefixLength = prefix
    }

    /// Whether the range holds `address`.
    public func contains(_ address: IPAddress) -> Bool {
        lowerBound <= address && address <= upperBound
    }

    public var description: String { "\(lowerBound)/\(prefixLength)" }

    /// A mask with the lowest `bits` of the 128-bit value set, split into halves.
    private static func hostMask(bits: Int) -> (high: UInt64, low: UInt64) {
        if bits == 0 { return (0, 0) }
        if bits < 64 { return (0, (1 << UInt64(bits)) - 1) }
        if bits == 64 { return (0, .max) }
        if bits < 128 { return ((1 << UInt64(bits - 64)) - 1, .max) }
        return (.max, .max)
    }
}
