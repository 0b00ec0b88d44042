extension GraphClient {
    /// The first page of the tenant's users, with the properties in `properties` (`$select`).
    ///
    /// - Throws: ``GraphError``, ``AuthenticationError`` or ``TransportError``.
    public func userPage(selecting properties: [String] = GraphUser.defaultProperties, pageSize: Int = 999) async throws -> GraphPage<GraphUser> {
        try await page(
            at: url(.v1, "/users", query: [("$select", properties.joined(separator: ",")), ("$top", "\(min(max(pageSize, 1), 999))")]))
    }

    /// The first page of users' MFA and SSPR registration
    /// (`/reports/authenticationMethods/userRegistrationDetails`).
    ///
    /// - Parameter filter: an OData `$filter`, such as `isMfaRegistered eq false`; `nil` for all users.
    /// - Throws: ``GraphError``, ``AuthenticationError`` or ``TransportError``.
    public func userRegistrationDetailsPage(filter: String? = nil) async throws -> GraphPage<UserRegistrationDetails> {
        try await page(at: url(.v1, "/reports/authenticationMethods/userRegistrationDetails", query: filter.map { [("$filter", $0)] } ?? []))
    }
}
