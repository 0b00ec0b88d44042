/// Who performed an audited action: `UserType` in the Management Activity schema.
///
/// Kept as a number so that values added later still round-trip.
public struct UserType: Hashable, Sendable, CustomStringConvertible {
    /// The number as recorded.
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    public static let regular = UserType(rawValue: 0)
    public static let reserved = UserType(rawValue: 1)
    public static let admin = UserType(rawValue: 2)
    public static let datacenterAdmin = UserType(rawValue: 3)
    public static let system = UserType(rawValue: 4)
    public static let application = UserType(rawValue: 5)
    public static let servicePrincipal = UserType(rawValue: 6)
    public static let customPolicy = UserType(rawValue: 7)
    public static let systemPolicy = UserType(rawValue: 8)
    public static let partnerTechnician = UserType(rawValue: 9)
    public static let guest = UserType(rawValue: 10)

    /// Microsoft's member name, or `nil` for an unknown number.
    public var name: String? {
        let names = [
            "Regular", "Reserved", "Admin", "DcAdmin", "System", "Application", "ServicePrincipal", "CustomPolicy",
            "SystemPolicy", "PartnerTechnician", "Guest",
        ]
        return names.indices.contains(rawValue) ? names[rawValue] : nil
    }

    public var description: String { name ?? String(rawValue) }
}
