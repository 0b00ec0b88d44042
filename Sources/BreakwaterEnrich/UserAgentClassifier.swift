public import BreakwaterModel
import Synchronization

/// Reads user agents (and Exchange `ClientInfoString`s): the client family and platform, and
/// whether it is a browser, an installed application, a script, a legacy protocol or a known
/// attack tool.
///
/// Results are cached by agent text; an organisation has few distinct agents.
public final class UserAgentClassifier: Sendable {
    private let cache = Mutex<[String: ClientFacts]>([:])
    private static let cacheLimit = 50_000

    public init() {}

    /// The facts for `agent`.
    public func classify(_ agent: String) -> ClientFacts {
        if let cached = cache.withLock({ $0[agent] }) { return cached }
        let facts = Self.classifyUncached(agent)
        cache.withLock { cache in
            if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
            cache[agent] = facts
        }
        return facts
    }

    /// Tools whose user agents announce them; each has been used against Microsoft 365.
    private static let attackTools: [(needle: String, name: String)] = [
        ("evilginx", "Evilginx"), ("mfasweep", "MFASweep"), ("roadtools", "ROADtools"), ("roadrecon", "ROADtools"),
        ("aadinternals", "AADInternals"), ("teamfiltration", "TeamFiltration"), ("o365spray", "o365spray"),
        ("trevorspray", "TREVORspray"), ("msolspray", "MSOLSpray"), ("ruler", "Ruler"), ("graphrunner", "GraphRunner"),
        ("tokentactics", "TokenTactics"), ("fasthttp", "fasthttp (password-spray campaigns)"),
        ("axios/", "axios (account-takeover campaigns)"), ("bav2ropc", "BAV2ROPC (legacy ROPC flow, password spraying)"),
    ]

    /// HTTP clients and scripting libraries: not a person at a browser.
    private static let scripts: [(needle: String, name: String)] = [
        ("python-requests", "python-requests"), ("python-urllib", "Python urllib"), ("aiohttp", "aiohttp"), ("httpx", "httpx"),
        ("go-http-client", "Go net/http"), ("curl/", "curl"), ("wget/", "Wget"), ("postmanruntime", "Postman"),
        ("node-fetch", "node-fetch"), ("axios/", "axios"), ("libwww-perl", "libwww-perl"), ("apache-httpclient", "Apache HttpClient"),
        ("windowspowershell", "PowerShell"), ("powershell", "PowerShell"), ("fasthttp", "fasthttp"), ("okhttp", "OkHttp"),
        ("rclone/", "rclone"),
    ]

    /// Protocols and clients without modern authentication.
    private static let legacy: [(needle: String, name: String)] = [
        ("bav2ropc", "ROPC"), ("cbainprod", "CBA"), ("client=imap4", "IMAP"), ("client=pop3", "POP"), ("imap", "IMAP"),
        ("pop3", "POP"), ("smtp", "SMTP AUTH"), ("microsoft office/14.0", "Outlook 2010"), ("microsoft office/12.0", "Outlook 2007"),
        ("microsoft outlook 14.0", "Outlook 2010"), ("msrpc", "Outlook RPC"),
    ]

    static func classifyUncached(_ agent: String) -> ClientFacts {
        let text = agent.lowercased()
        let platform = operatingSystem(text)
        if let tool = attackTools.first(where: { text.contains($0.needle) }) {
            let kind: ClientFacts.Kind = tool.needle == "bav2ropc" ? .legacyProtocol : .script
            return ClientFacts(kind: kind, family: tool.name, operatingSystem: platform, attackTool: tool.name)
        }
        if let protocolName = legacy.first(where: { text.contains($0.needle) }) {
            return ClientFacts(kind: .legacyProtocol, family: protocolName.name, operatingSystem: platform)
        }
        if let script = scripts.first(where: { text.contains($0.needle) }) {
            return ClientFacts(kind: .script, family: script.name, operatingSystem: platform)
        }
        if let application = applicationFamily(text) {
            return ClientFacts(kind: .application, family: application, operatingSystem: platform)
        }
        if let browser = browserFamily(text) {
            return ClientFacts(kind: .browser, family: browser, operatingSystem: platform)
        }
        return ClientFacts(kind: .unknown, family: text.isEmpty ? "none" : "other", operatingSystem: platform)
    }

    private static func applicationFamily(_ text: String) -> String? {
        if text.hasPrefix("client=owa") { return nil }  // Outlook on the web: a browser follows
        if text.contains("teams/") || text.contains("skypeteams") || text.contains("microsoft teams") { return "Teams" }
        if text.contains("onedrive") || text.contains("skydrivesync") { return "OneDrive" }
        if text.contains("outlook-ios") || text.contains("outlook-android") || text.contains("outlookmobile") { return "Outlook mobile" }
        if text.contains("microsoft outlook") || text.contains("client=msexchangerpc") || text.contains("outlook/") { return "Outlook" }
        if text.contains("microsoft office") || text.contains("msoffice") { return "Office" }
        if text.hasPrefix("client=rest") || text.hasPrefix("client=webservices") { return "Microsoft 365 service" }
        return nil
    }

    private static func browserFamily(_ text: String) -> String? {
        if text.contains("edg/") || text.contains("edge/") { return "Edge" }
        if text.contains("opr/") || text.contains("opera") { return "Opera" }
        if text.contains("firefox/") { return "Firefox" }
        if text.contains("chrome/") || text.contains("crios/") { return "Chrome" }
        if text.contains("safari/") && text.contains("version/") { return "Safari" }
        if text.contains("mozilla/") { return "Browser" }
        return nil
    }

    private static func operatingSystem(_ text: String) -> String? {
        if text.contains("windows") { return "Windows" }
        // Short names are matched as whole words: "cros" is inside "microsoft", "ios" inside "bios".
        let words = Set(text.split { !$0.isLetter && !$0.isNumber })
        if text.contains("iphone") || text.contains("ipad") || words.contains("ios") { return "iOS" }
        if text.contains("android") { return "Android" }
        if text.contains("mac os x") || text.contains("macintosh") || text.contains("macos") { return "macOS" }
        if words.contains("cros") { return "ChromeOS" }
        if text.contains("linux") || text.contains("x11") { return "Linux" }
        return nil
    }
}
