public import Foundation
import BreakwaterModel

extension GraphClient {
    /// The first page of sign-ins created in `window`, both ends included.
    ///
    /// The filter is `createdDateTime ge {start} and createdDateTime le {end}` (Graph documents
    /// `ge`/`le` for this property), so a sign-in exactly on a boundary shared by two windows is
    /// listed twice; the archive drops the repeat by its id. Sign-ins come newest first.
    ///
    /// - Parameters:
    ///   - window: the `createdDateTime` span.
    ///   - pageSize: `$top`, at most 1,000.
    ///   - version: ``GraphAPIVersion/beta`` (the default) for MFA detail and session ids.
    /// - Throws: ``GraphError`` (``GraphError/Kind/premiumLicenceRequired`` when the tenant has
    ///   no Entra ID P1/P2: read its sign-ins from the audit feed instead), ``AuthenticationError``
    ///   or ``TransportError``.
    public func signInPage(createdIn window: DateInterval, pageSize: Int = 1000, version: GraphAPIVersion = .beta) async throws
        -> GraphPage<GraphSignIn>
    {
        let filter =
            "createdDateTime ge \(Timestamp(window.start).iso8601) and createdDateTime le \(Timestamp(window.end).iso8601)"
        return try await page(at: url(version, "/auditLogs/signIns", query: [("$filter", filter), ("$top", "\(min(max(pageSize, 1), 1000))")]))
    }
}
