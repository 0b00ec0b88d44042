import BreakwaterModel

/// What a delegated permission (an OAuth scope) lets an application do that an attacker
/// wants: read or send the user's mail, read their files, or change the directory.
///
/// Scopes compare without case and without the resource prefix some consents carry
/// (`https://outlook.office.com/Mail.Read`). `openid`, `profile`, `email`, `User.Read` and
/// `offline_access` on their own are what every "Sign in with Microsoft" asks for.
enum ApplicationScopes {
    /// Why a scope matters.
    enum Risk: String, Sendable {
        case mail
        case files
        case directoryWrite = "directory write"
    }

    /// The risk of `scope`, or `nil` for one that reads nothing sensitive.
    static func risk(of scope: String) -> Risk? {
        let name = bareName(scope)
        if mailScopes.contains(name) || name.hasPrefix("mail.") || name.hasPrefix("ews.") { return .mail }
        if name.hasPrefix("sites.") || (name.hasPrefix("files.") && name.hasSuffix(".all")) { return .files }
        if directoryWriteScopes.contains(name) { return .directoryWrite }
        // `User.ReadWrite` is the user's own profile; `User.ReadWrite.All` is everyone's.
        let writesOthers = name.hasPrefix("user.") ? name.hasSuffix(".all") : true
        if name.contains("readwrite"), writesOthers, directoryPrefixes.contains(where: { name.hasPrefix($0) }) { return .directoryWrite }
        return nil
    }

    /// Whether `scope` is `offline_access`: a refresh token, so access outlives the session.
    static func isOfflineAccess(_ scope: String) -> Bool {
        bareName(scope) == "offline_access"
    }

    /// The scope lowercased, without a resource URL in front.
    private static func bareName(_ scope: String) -> String {
        let lowered = scope.identityLowercased
        guard let slash = lowered.lastIndex(of: "/") else { return lowered }
        return String(lowered[lowered.index(after: slash)...])
    }

    private static let mailScopes: Set<String> = [
        "mailboxsettings.readwrite", "full_access_as_user", "imap.accessasuser.all", "pop.accessasuser.all", "smtp.send",
        "exchange.manage",
    ]

    private static let directoryWriteScopes: Set<String> = ["directory.accessasuser.all"]

    private static let directoryPrefixes = [
        "directory.", "user.", "group.", "application.", "approleassignment.", "delegatedpermissiongrant.", "rolemanagement.",
        "policy.", "domain.", "organization.", "serviceprincipalendpoint.", "userauthenticationmethod.",
    ]
}
