public import Foundation

/// A Microsoft 365 tenant: the directory (organization) GUID that audit records carry as
/// `OrganizationId` and that Graph calls the tenant id.
///
/// Every stored row and every query carries one, and mixing it up with another kind of id is
/// a compile error rather than a leak between customers.
public struct TenantID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The directory GUID.
    public let uuid: UUID

    public init(uuid: UUID) {
        self.uuid = uuid
    }

    /// Reads a tenant id written as a GUID, in any case, optionally braced; `nil` otherwise.
    public init?(_ text: String) {
        guard let uuid = GUIDParser.parse(text.trimmingCharacters(in: .whitespaces)) else { return nil }
        self.uuid = uuid
    }

    /// The lowercase GUID, as Microsoft writes it in records and URLs.
    public var description: String { uuid.uuidString.lowercased() }

    public static func < (lhs: TenantID, rhs: TenantID) -> Bool {
        lhs.description < rhs.description
    }
}
