import BreakwaterModel

extension AuthenticationError {
    /// The error Entra's refusal means, with an explanation for the operator.
    ///
    /// - Parameters:
    ///   - aadstsCode: the AADSTS number, if Entra gave one.
    ///   - oauthError: the OAuth `error` field, if any.
    ///   - httpStatus: the HTTP status of the token response.
    static func explaining(
        aadstsCode: Int?, oauthError: String?, httpStatus: Int, tenant: TenantID, clientID: String, traceID: String?,
        correlationID: String?
    ) -> AuthenticationError {
        let (code, explanation) = meaning(aadstsCode: aadstsCode, oauthError: oauthError, httpStatus: httpStatus, tenant: tenant, clientID: clientID)
        return AuthenticationError(
            code: code, aadstsCode: aadstsCode, oauthError: oauthError, httpStatus: httpStatus, tenant: tenant, clientID: clientID,
            explanation: explanation, traceID: traceID, correlationID: correlationID)
    }

    private static func meaning(aadstsCode: Int?, oauthError: String?, httpStatus: Int, tenant: TenantID, clientID: String) -> (Code, String) {
        switch aadstsCode {
        case 90002, 900023:
            return (
                .unknownTenant,
                "Entra does not know tenant \(tenant). Check the tenant id (the directory GUID in the customer's Entra overview) "
                    + "and that the customer's tenant still exists."
            )
        case 700016:
            return (
                .applicationNotFound,
                "Application \(clientID) is not in the directory of tenant \(tenant). Either the client id is wrong, or the customer's "
                    + "administrator has not consented to Breakwater yet: have them open the admin-consent link for this application."
            )
        case 7000215:
            return (
                .invalidClientSecret,
                "The client secret of application \(clientID) is wrong. Use the secret's Value (shown once when it is created), "
                    + "not its Secret ID, and check it was copied whole."
            )
        case 7000222:
            return (
                .expiredClientSecret,
                "The client secret of application \(clientID) has expired. Create a new secret in the app registration "
                    + "(Certificates & secrets) and update the tenant's credentials in Breakwater."
            )
        case 70011:
            return (
                .invalidScope,
                "Entra refused the scope asked for. The resource URL of the cloud is probably wrong (for example a commercial "
                    + "resource against a government cloud); check the tenant's cloud setting."
            )
        case 700027, 700021, 700023:
            return (
                .invalidClientAssertion,
                "Entra refused the certificate assertion of application \(clientID). Upload the certificate whose private key "
                    + "Breakwater uses to the app registration (Certificates & secrets), and check it has not expired."
            )
        case 700024:
            return (
                .clockSkew,
                "Entra says the certificate assertion is outside its validity window. This machine's clock is probably wrong; "
                    + "synchronise it (NTP)."
            )
        case 65001, 500011:
            return (
                .consentRequired,
                "Tenant \(tenant) has not consented to the API Breakwater asked for. Have the customer's administrator grant admin "
                    + "consent to application \(clientID), including the Office 365 Management APIs and Microsoft Graph permissions."
            )
        case 7000112:
            return (
                .applicationDisabled,
                "Application \(clientID) is disabled in tenant \(tenant). The customer's administrator must enable its service "
                    + "principal (Enterprise applications → Properties → Enabled for users to sign in)."
            )
        case 53003:
            return (
                .blockedByConditionalAccess,
                "A Conditional Access policy for workload identities in tenant \(tenant) blocks application \(clientID). "
                    + "Ask the customer's administrator to exclude it or allow this server's address."
            )
        default:
            break
        }
        if oauthError == "temporarily_unavailable" || httpStatus >= 500 || httpStatus == 429 {
            return (.temporarilyUnavailable, "Entra is temporarily unavailable (HTTP \(httpStatus)); the request will be tried again.")
        }
        if oauthError == "invalid_client" {
            return (
                .invalidClientSecret,
                "Entra refused application \(clientID)'s credentials. Check the client secret (its Value, not its ID) or the certificate."
            )
        }
        let reported = aadstsCode.map { "AADSTS\($0)" } ?? oauthError ?? "HTTP \(httpStatus)"
        return (
            .other,
            "Entra refused the token request with \(reported). Look the code up in Microsoft's AADSTS error reference."
        )
    }
}
