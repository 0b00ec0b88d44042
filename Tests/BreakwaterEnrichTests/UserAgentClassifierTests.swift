import BreakwaterModel
import Testing

@testable import BreakwaterEnrich

@Suite("User-agent classification")
struct UserAgentClassifierTests {
    let classifier = UserAgentClassifier()

    @Test("names browsers, applications and their platforms", arguments: [
        (
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0",
            ClientFacts.Kind.browser, "Edge", "Windows"
        ),
        (
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15",
            .browser, "Safari", "macOS"
        ),
        ("Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0", .browser, "Firefox", "Linux"),
        ("Client=OWA;Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Mobile/15E148 Safari/604.1", .browser, "Safari", "iOS"),
        ("Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17928; Pro)", .application, "Outlook", "Windows"),
        ("Outlook-iOS/2.0", .application, "Outlook mobile", "iOS"),
        ("Microsoft SkyDriveSync 24.201.1006.0005 ship; Windows NT 10.0 (22631)", .application, "OneDrive", "Windows"),
    ])
    func ordinaryClients(agent: String, kind: ClientFacts.Kind, family: String, platform: String) {
        let facts = classifier.classify(agent)
        #expect(facts.kind == kind)
        #expect(facts.family == family)
        #expect(facts.operatingSystem == platform)
        #expect(facts.attackTool == nil)
    }

    @Test("short platform names are words, not parts of words", arguments: [
        ("Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36", "ChromeOS" as String?),
        ("Microsoft Office/16.0 (Macintosh; Mac OS X 14.6; Microsoft Outlook 16.89)", "macOS"),
        ("MicrosoftTeams/24.1 (studios build)", nil),
        ("BIOS-updater/2.1", nil),
    ])
    func platformWords(agent: String, platform: String?) {
        #expect(classifier.classify(agent).operatingSystem == platform)
    }

    @Test("recognises scripts and legacy protocols", arguments: [
        ("python-requests/2.31.0", ClientFacts.Kind.script, "python-requests"),
        ("curl/8.5.0", .script, "curl"),
        ("rclone/v1.68.1", .script, "rclone"),
        ("Client=POP3.Protocol", .legacyProtocol, "POP"),
        ("Microsoft Office/14.0 (Windows NT 6.1; Microsoft Outlook 14.0.7268; Pro)", .legacyProtocol, "Outlook 2010"),
    ])
    func scriptsAndLegacy(agent: String, kind: ClientFacts.Kind, family: String) {
        let facts = classifier.classify(agent)
        #expect(facts.kind == kind)
        #expect(facts.family == family)
        #expect(facts.attackTool == nil)
    }

    @Test("names known attack tools", arguments: [
        ("Mozilla/5.0 (compatible; MSIE 10.0) Evilginx", "Evilginx"),
        ("python-requests/2.31.0 MFASweep", "MFASweep"),
        ("axios/1.7.7", "axios (account-takeover campaigns)"),
        ("fasthttp", "fasthttp (password-spray campaigns)"),
        ("BAV2ROPC", "BAV2ROPC (legacy ROPC flow, password spraying)"),
    ])
    func attackTools(agent: String, tool: String) {
        #expect(classifier.classify(agent).attackTool == tool)
    }

    @Test("gives the same answer from its cache")
    func cached() {
        let agent = "Mozilla/5.0 (Windows NT 10.0) Chrome/130.0.0.0"
        #expect(classifier.classify(agent) == classifier.classify(agent))
        #expect(classifier.classify(agent).fingerprint == "Chrome/Windows")
    }
}
