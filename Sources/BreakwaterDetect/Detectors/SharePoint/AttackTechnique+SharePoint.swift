import BreakwaterModel

extension AttackTechnique {
    /// Data made reachable from outside through the service that holds it (an "Anyone" link).
    static let exfiltrationOverWebService = AttackTechnique(tactic: "TA0010", technique: "T1567", name: "Exfiltration Over Web Service")
}
