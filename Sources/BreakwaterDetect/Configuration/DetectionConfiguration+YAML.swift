import BreakwaterModel
import Yams

extension DetectionConfiguration {
    /// Reads a detection configuration from YAML, checking every setting against the
    /// detectors that exist.
    ///
    /// The file holds either one tenant configuration (applied to every tenant), or
    /// `defaults:` and `tenants:` (tenant GUID → configuration; a tenant's own settings
    /// replace the defaults key by key):
    ///
    /// ```yaml
    /// defaults:
    ///   domains: [contoso.com]
    ///   allowed_countries: [GB, IE]
    ///   trusted_networks: [81.128.200.0/24]      # office egress, VPN
    ///   learning_period_days: 7
    ///   sign_in_source: auto                    # auto | graph | audit-log
    ///   detectors:
    ///     SharePoint.File.MassDownload:
    ///       severity: high
    ///       thresholds: { distinct_files: 40 }
    ///     AzureActiveDirectory.SignIn.LegacyAuthentication: { enabled: false }
    ///   suppressions:
    ///     - detector: impossible_travel         # a detector id or a category
    ///       user: sales.rep@contoso.com
    ///       reason: Sales trip to Canada
    ///       expires: 2026-12-01T00:00:00Z
    /// tenants:
    ///   9f1c7b2e-4a8d-4c3f-b5e6-2d7a8c9e0f11:
    ///     allowed_countries: [GB]
    /// ```
    ///
    /// - Throws: ``ConfigurationError`` listing every problem found, with its line.
    public init(yaml: String, detectors: [any Detector] = BuiltInDetectors.all) throws(ConfigurationError) {
        var reader = ConfigurationReader(detectors: detectors)
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw ConfigurationError(problems: [.init(path: "", line: nil, message: "not valid YAML: \(error)")])
        }
        var configuration = DetectionConfiguration()
        if let root {
            if let mapping = root.mapping, mapping.keys.contains(where: { ["defaults", "tenants"].contains($0.string) }) {
                for (key, value) in mapping {
                    switch key.string {
                    case "defaults":
                        configuration.defaults = reader.tenant(value, path: "defaults", base: TenantConfiguration())
                    case "tenants":
                        break
                    default:
                        reader.problem("", key, "unknown key '\(key.string ?? "?")' (expected defaults or tenants)")
                    }
                }
                if let tenants = mapping["tenants"] {
                    configuration.tenants = reader.tenants(tenants, base: configuration.defaults)
                }
            } else {
                configuration.defaults = reader.tenant(root, path: "", base: TenantConfiguration())
            }
        }
        guard reader.problems.isEmpty else { throw ConfigurationError(problems: reader.problems) }
        self = configuration
    }
}

/// Walks a configuration document, collecting every problem instead of stopping at the first.
private struct ConfigurationReader {
    let detectors: [DetectorID: DetectorDescriptor]
    let categories: Set<String>
    var problems: [ConfigurationError.Problem] = []

    init(detectors: [any Detector]) {
        self.detectors = Dictionary(detectors.map { ($0.descriptor.id, $0.descriptor) }, uniquingKeysWith: { first, _ in first })
        categories = Set(detectors.map(\.descriptor.category.rawValue))
    }

    mutating func problem(_ path: String, _ node: Node, _ message: String) {
        problems.append(.init(path: path, line: node.mark.map { $0.line }, message: message))
    }

    mutating func tenants(_ node: Node, base: TenantConfiguration) -> [TenantID: TenantConfiguration] {
        guard let mapping = node.mapping else {
            problem("tenants", node, "expected a mapping of tenant GUIDs to settings")
            return [:]
        }
        var tenants: [TenantID: TenantConfiguration] = [:]
        for (key, value) in mapping {
            guard let text = key.string, let tenant = TenantID(text) else {
                problem("tenants", key, "'\(key.string ?? "?")' is not a tenant GUID")
                continue
            }
            tenants[tenant] = self.tenant(value, path: "tenants.\(text)", base: base)
        }
        return tenants
    }

    mutating func tenant(_ node: Node, path: String, base: TenantConfiguration) -> TenantConfiguration {
        var configuration = base
        guard let mapping = node.mapping else {
            problem(path, node, "expected a mapping of settings")
            return configuration
        }
        for (key, value) in mapping {
            let name = key.string ?? "?"
            let at = path.isEmpty ? name : "\(path).\(name)"
            switch name {
            case "domains":
                configuration.domains = Set(strings(value, at).map { $0.lowercased() })
            case "allowed_countries":
                var countries = Set<String>()
                for (country, item) in stringsWithNodes(value, at) {
                    if country.count == 2, country.allSatisfy(\.isLetter) {
                        countries.insert(country.uppercased())
                    } else {
                        problem(at, item, "'\(country)' is not a two-letter ISO country code")
                    }
                }
                configuration.allowedCountries = countries
            case "trusted_networks":
                configuration.trustedNetworks = stringsWithNodes(value, at).compactMap { text, item in
                    guard let network = IPNetwork(text) else {
                        problem(at, item, "'\(text)' is not an address or CIDR range")
                        return nil
                    }
                    return network
                }
            case "learning_period_days":
                if let days = value.string.flatMap(Int.init), days >= 0 {
                    configuration.learningPeriodDays = days
                } else {
                    problem(at, value, "expected a whole number of days")
                }
            case "sign_in_source":
                if let source = value.string.flatMap(SignInSource.init(rawValue:)) {
                    configuration.signInSource = source
                } else {
                    problem(at, value, "expected auto, graph or audit-log")
                }
            case "detectors":
                configuration.detectors = detectorSettings(value, at, base: base.detectors)
            case "suppressions":
                configuration.suppressions = suppressions(value, at)
            default:
                problem(path, key, "unknown setting '\(name)'")
            }
        }
        return configuration
    }

    private mutating func detectorSettings(_ node: Node, _ path: String, base: [DetectorID: DetectorSettings]) -> [DetectorID: DetectorSettings] {
        guard let mapping = node.mapping else {
            problem(path, node, "expected a mapping of detector ids to settings")
            return base
        }
        var settings = base
        for (key, value) in mapping {
            let id = DetectorID(rawValue: key.string ?? "")
            let at = "\(path).\(id)"
            guard let descriptor = detectors[id] else {
                problem(path, key, "no detector is called '\(id)'")
                continue
            }
            guard let fields = value.mapping else {
                problem(at, value, "expected enabled, severity or thresholds")
                continue
            }
            var setting = settings[id] ?? DetectorSettings()
            for (field, fieldValue) in fields {
                switch field.string {
                case "enabled":
                    if let flag = fieldValue.bool { setting.enabled = flag } else { problem("\(at).enabled", fieldValue, "expected true or false") }
                case "severity":
                    if let severity = fieldValue.string.flatMap(Severity.init(rawValue:)) {
                        setting.severity = severity
                    } else {
                        problem("\(at).severity", fieldValue, "expected informational, low, medium, high or critical")
                    }
                case "thresholds":
                    guard let thresholds = fieldValue.mapping else {
                        problem("\(at).thresholds", fieldValue, "expected a mapping of threshold names to numbers")
                        continue
                    }
                    let known = Set(descriptor.thresholds.map(\.name))
                    for (thresholdName, number) in thresholds {
                        let name = thresholdName.string ?? "?"
                        guard known.contains(name) else {
                            let choices = known.isEmpty ? "it has none" : "it has \(known.sorted().joined(separator: ", "))"
                            problem("\(at).thresholds", thresholdName, "\(id) has no threshold '\(name)' (\(choices))")
                            continue
                        }
                        guard let value = number.string.flatMap(Double.init), value >= 0 else {
                            problem("\(at).thresholds.\(name)", number, "expected a number, zero or more")
                            continue
                        }
                        setting.thresholds[name] = value
                    }
                default:
                    problem(at, field, "unknown setting '\(field.string ?? "?")' (expected enabled, severity or thresholds)")
                }
            }
            settings[id] = setting
        }
        return settings
    }

    private mutating func suppressions(_ node: Node, _ path: String) -> [Suppression] {
        guard let sequence = node.sequence else {
            problem(path, node, "expected a list of suppressions")
            return []
        }
        var suppressions: [Suppression] = []
        for (index, item) in sequence.enumerated() {
            let at = "\(path)[\(index)]"
            guard let fields = item.mapping else {
                problem(at, item, "expected detector, reason and optionally user, network, destination, expires")
                continue
            }
            var detector: String?
            var reason: String?
            var suppression = Suppression(detector: "", reason: "")
            for (key, value) in fields {
                let text = value.string ?? ""
                switch key.string {
                case "detector":
                    if detectors[DetectorID(rawValue: text)] != nil || categories.contains(text) {
                        detector = text
                    } else {
                        problem("\(at).detector", value, "'\(text)' is neither a detector id nor a category")
                    }
                case "reason": reason = text
                case "user": suppression.user = text.lowercased()
                case "network":
                    if let network = IPNetwork(text) { suppression.network = network } else { problem("\(at).network", value, "'\(text)' is not an address or CIDR range") }
                case "destination": suppression.destination = text
                case "expires":
                    if let time = Timestamp(iso8601: text) { suppression.expires = time } else { problem("\(at).expires", value, "'\(text)' is not an ISO 8601 time") }
                default:
                    problem(at, key, "unknown setting '\(key.string ?? "?")'")
                }
            }
            if detector == nil, !fields.keys.contains(where: { $0.string == "detector" }) { problem(at, item, "a suppression needs a detector") }
            if reason?.isEmpty ?? true { problem(at, item, "a suppression needs a reason") }
            if let detector, let reason, !reason.isEmpty {
                suppression.detector = detector
                suppression.reason = reason
                suppressions.append(suppression)
            }
        }
        return suppressions
    }

    private mutating func strings(_ node: Node, _ path: String) -> [String] {
        stringsWithNodes(node, path).map(\.0)
    }

    private mutating func stringsWithNodes(_ node: Node, _ path: String) -> [(String, Node)] {
        if let scalar = node.string { return [(scalar, node)] }
        guard let sequence = node.sequence else {
            problem(path, node, "expected a list")
            return []
        }
        return sequence.compactMap { item in
            guard let text = item.string else {
                problem(path, item, "expected text")
                return nil
            }
            return (text, item)
        }
    }
}
