public import BreakwaterModel
public import Foundation

/// A customer tenant Breakwater collects from: who it is, and the app registration it reads
/// with. The credential is kept sealed (see ``SecretBox``): the archive alone reveals nothing.
public struct MonitoredTenant: Sendable, Hashable {
    public var id: TenantID
    public var displayName: String
    /// The tenant's own mail domains (what is internal for forwarding and sharing).
    public var domains: [String]
    /// The application (client) id of the app registration consented in the tenant.
    public var clientID: String
    /// Which Microsoft cloud: `commercial`, `gcc`, `gcc-high`, `dod`, or a base URL (the simulator).
    public var cloud: String
    /// The `PublisherIdentifier` sent on every Management Activity API call: the operator's own
    /// tenant GUID, so that the calls count against the operator's quota.
    public var publisherID: TenantID
    /// How the app proves who it is, sealed.
    public var credential: SealedCredential
    public var addedAt: Timestamp

    /// - Parameters: see the properties.
    public init(
        id: TenantID, displayName: String, domains: [String], clientID: String, cloud: String, publisherID: TenantID,
        credential: SealedCredential, addedAt: Timestamp
    ) {
        self.id = id
        self.displayName = displayName
        self.domains = domains
        self.clientID = clientID
        self.cloud = cloud
        self.publisherID = publisherID
        self.credential = credential
        self.addedAt = addedAt
    }
}

/// An app credential as stored: the secret part sealed, the public part (a certificate) not.
public struct SealedCredential: Sendable, Hashable {
    /// What the sealed bytes hold.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A client secret.
        case secret
        /// The private key (PEM) of a certificate credential.
        case certificate
    }

    public var kind: Kind
    /// The secret or private key, sealed by ``SecretBox`` for this tenant.
    public var sealed: Data
    /// For a certificate credential: the certificate itself (PEM), which is public.
    public var certificate: Data?

    public init(kind: Kind, sealed: Data, certificate: Data? = nil) {
        self.kind = kind
        self.sealed = sealed
        self.certificate = certificate
    }
}
