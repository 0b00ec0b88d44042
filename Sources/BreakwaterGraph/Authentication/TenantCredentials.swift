public import BreakwaterModel

/// Who Breakwater is when it asks a customer tenant for tokens: the tenant, the application
/// (client) registered for Breakwater, and the proof that Breakwater is that application.
///
/// Descriptions never show the secret or the private key.
public struct TenantCredentials: Sendable, CustomStringConvertible {
    /// How the application proves who it is.
    public enum Proof: Sendable {
        /// A client secret (simple, but it expires and can leak).
        case secret(ClientSecret)
        /// A certificate whose public part is uploaded to the app registration; Breakwater signs
        /// a short-lived client assertion with the private key.
        case certificate(ClientCertificate)
    }

    /// The customer tenant the tokens are for.
    public var tenant: TenantID
    /// The application (client) id of Breakwater's app registration.
    public var clientID: String
    /// The secret or certificate.
    public var proof: Proof

    /// - Parameters: see the properties.
    public init(tenant: TenantID, clientID: String, proof: Proof) {
        self.tenant = tenant
        self.clientID = clientID
        self.proof = proof
    }

    public var description: String {
        let kind =
            switch proof {
            case .secret: "client secret"
            case .certificate: "certificate"
            }
        return "tenant \(tenant), application \(clientID), \(kind)"
    }
}
