/// An IPv4 or IPv6 address, held as sixteen bytes so that both kinds sort and range-match
/// together: an IPv4 address is stored in its IPv4-mapped IPv6 form (`::ffff:a.b.c.d`).
///
/// Audit records write client addresses in many ways (`1.2.3.4:51000`, `[2001:db8::1]:443`,
/// `::ffff:1.2.3.4`, the text `null`); ``init(auditText:)`` reads them all, and the value
/// prints in the canonical form (dotted quad, or RFC 5952 for IPv6).
public struct IPAddress: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The first eight bytes, big-endian.
    public let high: UInt64
    /// The last eight bytes, big-endian.
    public let low: UInt64

    /// Whether the address is IPv4 (stored mapped into IPv6).
    public var isIPv4: Bool { high == 0 && low >> 32 == 0xFFFF }

    /// An address from its sixteen-byte form (IPv4-mapped for IPv4).
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// An IPv4 address from its 32-bit value.
    public init(ipv4 value: UInt32) {
        high = 0
        low = 0xFFFF_0000_0000 | UInt64(value)
    }

    /// The sixteen bytes, big-endian (IPv4-mapped for IPv4): the form stored and range-matched.
    public var bytes: [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: high >> (56 - 8 * $0)) }
            + (0..<8).map { UInt8(truncatingIfNeeded: low >> (56 - 8 * $0)) }
    }

    public static func < (lhs: IPAddress, rhs: IPAddress) -> Bool {
        (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }
}
