public import BreakwaterModel

/// User agents examples act with, and what enrichment would say of each (detection is pure,
/// so examples carry the classification the way enriched events do).
public enum ExampleAgents {
    public static let edgeWindows =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0"
    public static let safariIPhone =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
    public static let chromeLinux = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Safari/537.36"
    public static let outlookDesktop = "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17928; Pro)"
    public static let pythonRequests = "python-requests/2.31.0"
    public static let rclone = "rclone/v1.68.1"
    public static let imap = "Client=IMAP4"
    public static let evilginx = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Evilginx"
    public static let mfaSweep = "MFASweep"

    /// The classification of `agent` (the `Client=OWA;` prefix of mailbox records ignored).
    public static func facts(_ agent: String) -> ClientFacts {
        let bare = agent.hasPrefix("Client=OWA;") ? String(agent.dropFirst("Client=OWA;".count)) : agent
        switch bare {
        case edgeWindows: return ClientFacts(kind: .browser, family: "Edge", operatingSystem: "Windows")
        case safariIPhone: return ClientFacts(kind: .browser, family: "Safari", operatingSystem: "iOS")
        case chromeLinux: return ClientFacts(kind: .browser, family: "Chrome", operatingSystem: "Linux")
        case outlookDesktop: return ClientFacts(kind: .application, family: "Outlook", operatingSystem: "Windows")
        case pythonRequests: return ClientFacts(kind: .script, family: "python-requests")
        case rclone: return ClientFacts(kind: .script, family: "rclone")
        case imap: return ClientFacts(kind: .legacyProtocol, family: "IMAP")
        case evilginx: return ClientFacts(kind: .browser, family: "Browser", operatingSystem: "Windows", attackTool: "Evilginx")
        case mfaSweep: return ClientFacts(kind: .script, family: "MFASweep", attackTool: "MFASweep")
        default: return ClientFacts(kind: .unknown, family: "other")
        }
    }
}
