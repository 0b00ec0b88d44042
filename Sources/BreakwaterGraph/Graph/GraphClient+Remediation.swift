import BreakwaterModel
import Foundation
import NIOHTTP1

extension GraphClient {
    /// Every inbox rule of `user`'s mailbox that Graph can represent (all pages).
    ///
    /// Rules made by other clients may come back read-only or with errors, and hidden rules not
    /// at all; the audit feed stays the source of truth for detection.
    ///
    /// - Parameter user: the user's object id or UPN.
    /// - Throws: ``GraphError``, ``AuthenticationError`` or ``TransportError``.
    public func inboxRules(of user: String) async throws -> [MessageRule] {
        var page: GraphPage<MessageRule>? = try await self.page(at: url(.v1, "/users/\(userSegment(user))/mailFolders/inbox/messageRules"))
        var rules: [MessageRule] = []
        while let current = page {
            rules += current.elements
            page = try await nextPage(after: current)
        }
        return rules
    }

    /// Deletes one inbox rule (HTTP 204).
    ///
    /// Needs `MailboxSettings.ReadWrite`. A rule already gone throws ``GraphError`` of kind
    /// ``GraphError/Kind/notFound``, which response may count as done.
    ///
    /// - Throws: ``GraphError``, ``AuthenticationError`` or ``TransportError``.
    public func deleteInboxRule(_ ruleID: String, of user: String) async throws {
        let path = "/users/\(userSegment(user))/mailFolders/inbox/messageRules/\(URLText.encode(ruleID))"
        try await send(OutgoingRequest(.DELETE, url(.v1, path))) { response in
            guard response.status == 204 || response.status == 200 else { throw error(in: response) }
        }
    }

    /// Invalidates `user`'s refresh tokens and session cookies, so that every session must sign
    /// in again (access tokens already issued live until they expire, about an hour).
    ///
    /// Needs `User.RevokeSessions.All`. Graph answers 200 with `{"value": true}` (documented as
    /// 204 in places); both are success.
    ///
    /// - Throws: ``GraphError``, ``AuthenticationError`` or ``TransportError``.
    public func revokeSignInSessions(of user: String) async throws {
        try await send(OutgoingRequest(.POST, url(.v1, "/users/\(userSegment(user))/revokeSignInSessions"))) { response in
            switch response.status {
            case 204:
                return
            case 200:
                if let value = try? JSONValue(parsing: response.body), value["value"] == .bool(false) {
                    throw GraphError(code: GraphError.Code(rawValue: ""), httpStatus: 200, message: "Graph answered that the sessions were not revoked")
                }
            default:
                throw error(in: response)
            }
        }
    }

    /// Changes `user` (HTTP 204): block sign-in, reset the password, force a change.
    ///
    /// Needs `User.ReadWrite.All` (or the narrower `User.EnableDisableAccount.All` and
    /// `User-PasswordProfile.ReadWrite.All`) **and** an Entra role on the app: User Administrator,
    /// or Privileged Authentication Administrator for administrators' passwords. Without them
    /// Graph answers `Authorization_RequestDenied` (``GraphError/Kind/accessDenied``). Users
    /// synchronised from on-premises must be changed there.
    ///
    /// - Throws: ``GraphError``, ``AuthenticationError`` or ``TransportError``.
    public func updateUser(_ user: String, with update: UserUpdate) async throws {
        let body = Array(try JSONEncoder().encode(update))
        try await send(OutgoingRequest(.PATCH, url(.v1, "/users/\(userSegment(user))"), body: body)) { response in
            guard response.status == 204 || response.status == 200 else { throw error(in: response) }
        }
    }
}
