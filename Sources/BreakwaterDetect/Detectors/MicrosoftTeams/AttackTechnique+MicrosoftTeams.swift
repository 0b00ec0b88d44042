import BreakwaterModel

extension AttackTechnique {
    /// Reading what teams and channels hold: Teams is an information repository.
    static let dataFromInformationRepositories = AttackTechnique(tactic: "TA0009", technique: "T1213", name: "Data from Information Repositories")
    /// An outside account brought into the tenant as a guest, with standing access.
    static let cloudAccount = AttackTechnique(tactic: "TA0003", technique: "T1136.003", name: "Create Account: Cloud Account")
}
