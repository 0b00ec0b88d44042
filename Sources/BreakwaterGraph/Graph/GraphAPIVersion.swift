/// Which Graph API a call uses.
public enum GraphAPIVersion: String, Sendable, Hashable {
    /// The stable API.
    case v1 = "v1.0"
    /// The beta API: sign-ins there carry MFA detail (`authenticationDetails`,
    /// `authenticationRequirement`) and session and token ids, which v1.0 lacks.
    case beta = "beta"
}
