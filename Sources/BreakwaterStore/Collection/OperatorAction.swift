public import BreakwaterModel

/// Something an operator did — added a tenant, revoked a user's sessions — kept so that every
/// change Breakwater made on someone's behalf can be accounted for.
public struct OperatorAction: Sendable, Hashable {
    /// The tenant acted on, if one.
    public var tenant: TenantID?
    public var at: Timestamp
    /// Who: the operator's account (on the command line, the system user).
    public var actor: String
    /// What, as a stable dotted name: `tenant.add`, `tenant.remove`, …
    public var action: String
    /// The particulars, for a person (never a secret).
    public var details: String

    public init(tenant: TenantID?, at: Timestamp, actor: String, action: String, details: String) {
        self.tenant = tenant
        self.at = at
        self.actor = actor
        self.action = action
        self.details = details
    }
}

/// Where operator actions are kept.
public protocol OperatorJournal: Sendable {
    /// Keeps `action`.
    func record(_ action: OperatorAction) async throws
    /// Actions on the tenants of `scope` (and, for an unrestricted scope, those on no tenant),
    /// newest first.
    func operatorActions(in scope: TenantScope, limit: Int) async throws -> [OperatorAction]
}
