public import BreakwaterModel
public import Foundation

/// Something that must happen because of a committed batch (notify about an alert, run a
/// response playbook), written in the batch's transaction and carried out afterwards: what a
/// batch decided is never lost, and is done once.
public struct OutboxMessage: Sendable, Hashable {
    public var tenant: TenantID
    /// What to do: `alert.raised`, …
    public var kind: String
    /// Unique per tenant: a message with a key already written is not written again (a batch
    /// read twice after a crash decides the same things).
    public var key: String
    /// The details, JSON.
    public var payload: Data
    public var createdAt: Timestamp

    public init(tenant: TenantID, kind: String, key: String, payload: Data, createdAt: Timestamp) {
        self.tenant = tenant
        self.kind = kind
        self.key = key
        self.payload = payload
        self.createdAt = createdAt
    }
}
