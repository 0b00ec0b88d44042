/// Where an attack has got to, in the order a business email compromise unfolds.
public enum KillChainStage: String, Sendable, Hashable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    /// Getting in: guessed or stolen credentials, replayed tokens, MFA fatigue.
    case initialAccess = "initial-access"
    /// Staying in and hiding: inbox rules, forwarding, new MFA methods, roles, consent, audit tampering.
    case persistence
    /// Reading what is there: mail, files, Teams.
    case collection
    /// Taking it out: downloads, sharing, forwarding outside.
    case exfiltration
    /// Acting on it: fraudulent mail, deletion, encryption.
    case impact

    public static func < (lhs: KillChainStage, rhs: KillChainStage) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    public var description: String { rawValue }
}
