/// How urgent an alert or incident is.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    case informational
    case low
    case medium
    case high
    case critical

    private var rank: Int {
        switch self {
        case .informational: 0
        case .low: 1
        case .medium: 2
        case .high: 3
        case .critical: 4
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    /// One level lower (informational stays).
    public var lowered: Severity { Self.allCases[max(0, rank - 1)] }
    /// One level higher (critical stays).
    public var raised: Severity { Self.allCases[min(Self.allCases.count - 1, rank + 1)] }

    public var description: String { rawValue }
}
