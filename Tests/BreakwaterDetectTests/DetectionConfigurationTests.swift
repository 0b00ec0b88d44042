import BreakwaterDetect
import BreakwaterModel
import Testing

@Suite("Detection configuration files")
struct DetectionConfigurationTests {
    let contoso = TenantID("9f1c7b2e-4a8d-4c3f-b5e6-2d7a8c9e0f11")!

    @Test("reads defaults, per-tenant settings, detector overrides and suppressions")
    func reads() throws {
        // Given
        let yaml = """
            defaults:
              domains: [Contoso.com, contoso.co.uk]
              allowed_countries: [gb, IE]
              trusted_networks: [81.128.200.0/24, "2a00:23c4::/32"]
              learning_period_days: 10
              detectors:
                AzureActiveDirectory.SignIn.BruteForce:
                  severity: high
                  thresholds: { failures: 40 }
                AzureActiveDirectory.SignIn.LegacyAuthentication: { enabled: false }
              suppressions:
                - detector: impossible_travel
                  user: Sales.Rep@contoso.com
                  reason: Sales trip
                  expires: 2026-12-01T00:00:00Z
            tenants:
              9f1c7b2e-4a8d-4c3f-b5e6-2d7a8c9e0f11:
                allowed_countries: [GB]
                sign_in_source: graph
            """
        // When
        let configuration = try DetectionConfiguration(yaml: yaml)
        // Then
        let defaults = configuration.defaults
        #expect(defaults.domains == ["contoso.com", "contoso.co.uk"])
        #expect(defaults.allowedCountries == ["GB", "IE"])
        #expect(defaults.trusts(IPAddress("81.128.200.9")!))
        #expect(defaults.learningPeriodDays == 10)
        let download = try #require(defaults.detectors[DetectorID(rawValue: "AzureActiveDirectory.SignIn.BruteForce")])
        #expect(download.severity == .high)
        #expect(download.thresholds["failures"] == 40)
        #expect(defaults.detectors[DetectorID(rawValue: "AzureActiveDirectory.SignIn.LegacyAuthentication")]?.enabled == false)
        #expect(defaults.suppressions.first?.user == "sales.rep@contoso.com")
        let tenant = configuration.configuration(for: contoso)
        #expect(tenant.allowedCountries == ["GB"])
        #expect(tenant.signInSource == .graph)
        #expect(tenant.domains == defaults.domains, "a tenant keeps the defaults it does not replace")
    }

    @Test("a file without defaults or tenants is one configuration for every tenant")
    func flat() throws {
        let configuration = try DetectionConfiguration(yaml: "domains: [contoso.com]\nallowed_countries: [GB]")
        #expect(configuration.configuration(for: contoso).allowedCountries == ["GB"])
    }

    @Test("reports every problem at once, each with its line")
    func problems() {
        let yaml = """
            domains: [contoso.com]
            allowed_countries: [GBR, FR]
            trusted_networks: [10.0.0.0/33]
            learning_period_days: soon
            colour: blue
            detectors:
              Exchange.Made.Up: { enabled: true }
              AzureActiveDirectory.SignIn.BruteForce:
                thresholds: { failure: 40 }
                severity: urgent
            suppressions:
              - detector: nothing_like_this
                user: a@contoso.com
              - detector: impossible_travel
                reason: trip
                expires: next week
            """
        #expect {
            try DetectionConfiguration(yaml: yaml)
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            let text = error.problems.map(\.description)
            let expected = [
                "'GBR' is not a two-letter", "'10.0.0.0/33' is not an address", "expected a whole number", "unknown setting 'colour'",
                "no detector is called 'Exchange.Made.Up'", "has no threshold 'failure'", "expected informational",
                "'nothing_like_this' is neither", "a suppression needs a reason", "'next week' is not an ISO 8601 time",
            ]
            return expected.allSatisfy { fragment in text.contains { $0.contains(fragment) } } && error.problems.count == expected.count
                && error.problems.allSatisfy { $0.line != nil }
        }
    }

    @Test("broken YAML is reported, not fatal")
    func brokenYAML() {
        #expect(throws: ConfigurationError.self) { try DetectionConfiguration(yaml: "domains: [contoso.com\n  - x: {") }
    }
}

@Suite("Suppressions")
struct SuppressionTests {
    func forwarding(to destination: String, rule: String = "Partners") -> Alert {
        Alert(
            id: "a", detector: DetectorID(rawValue: "Exchange.Mailbox.ExternalForwarding"), category: .mailboxForwardingExternal, severity: .high,
            tenant: TenantID("9f1c7b2e-4a8d-4c3f-b5e6-2d7a8c9e0f11")!, user: "megan.bowen@contoso.com", time: Timestamp(millisecondsSince1970: 0),
            ip: nil, evidence: [], attack: [], summary: "", details: ["destination": destination, "rule": rule, "file": "partner.com.xlsx"],
            stage: .exfiltration)
    }

    @Test("a destination covers the same address, or addresses of its domain and subdomains, and nothing an attacker can name", arguments: [
        ("partner.com", "ap@partner.com", true),
        ("partner.com", "smtp:AP@Mail.Partner.com", true),
        ("ap@partner.com", "ap@partner.com", true),
        ("ap@partner.com", "other@partner.com", false),
        ("partner.com", "x@evil-partner.com", false),
        ("partner.com", "partner.com@evil.example", false),
        ("partner.com", "ap@partner.com, thief@evil.example", false),
        ("partner.com", "thief@evil.example", false),
    ])
    func destinations(allowed: String, named: String, suppressed: Bool) {
        let suppression = Suppression(detector: "mailbox_forwarding_external", destination: allowed, reason: "supplier")
        #expect(suppression.matches(forwarding(to: named)) == suppressed)
    }

    @Test("a rule or file named after the allowed destination does not silence the alert")
    func attackerNamedThings() {
        let suppression = Suppression(detector: "mailbox_forwarding_external", destination: "partner.com", reason: "supplier")
        #expect(!suppression.matches(forwarding(to: "thief@evil.example", rule: "partner.com")))
    }
}
