import BreakwaterModel

/// The Entra directory roles that can take over the tenant or its mail: change who signs in
/// and how, read every mailbox, grant consent to applications, or hand out roles.
///
/// Recognised by display name (compared without case) or, when the record carries it, by the
/// role's template id, which is the same in every tenant and every language.
enum PrivilegedRoles {
    /// Whether the role named `name`, or with template id `templateID`, is privileged.
    static func contains(name: String?, templateID: String?) -> Bool {
        if let templateID, templateIDs.contains(templateID.identityLowercased) { return true }
        guard let name else { return false }
        return names.contains(name.identityLowercased)
    }

    /// The role's name for a template id, when it is one of the privileged roles.
    static func name(forTemplateID templateID: String) -> String? {
        byTemplateID[templateID.identityLowercased]
    }

    private static let roles: [(name: String, templateID: String)] = [
        ("Global Administrator", "62e90394-69f5-4237-9190-012177145e10"),
        ("Privileged Role Administrator", "e8611ab8-c189-46e8-94e1-60213ab1f814"),
        ("Privileged Authentication Administrator", "7be44c8a-adaf-4e2a-84d6-ab2649e08a13"),
        ("Exchange Administrator", "29232cdf-9323-42fd-ade2-1d097af3e4de"),
        ("SharePoint Administrator", "f28a1f50-f6e7-4571-818b-6a12f2af6b6c"),
        ("Security Administrator", "194ae4cb-b126-40b2-bd5b-6091b380977d"),
        ("User Administrator", "fe930be7-5e62-47db-91af-98c3a49a38b1"),
        ("Application Administrator", "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3"),
        ("Cloud Application Administrator", "158c047a-c907-4556-b7ef-446551a6b5f7"),
        ("Authentication Administrator", "c4e39bd9-1100-46d3-8c65-fb160da0071f"),
        ("Conditional Access Administrator", "b1be1c3e-b65d-4f19-8427-f6fa0d97feb9"),
        ("Helpdesk Administrator", "729827e3-9c14-49f7-bb1b-9608f156bbb8"),
        ("Intune Administrator", "3a2c62db-5318-420d-8d74-23affee5d9d5"),
        ("Hybrid Identity Administrator", "8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2"),
    ]

    /// Names as Entra writes them, plus the former names older records carry
    /// (`Company Administrator` is Global Administrator; `… Service Administrator` the
    /// workload administrators; `User Account Administrator` is User Administrator).
    private static let names: Set<String> = Set(
        roles.map { $0.name.identityLowercased }
            + ["company administrator", "exchange service administrator", "sharepoint service administrator", "user account administrator"])

    private static let templateIDs: Set<String> = Set(roles.map(\.templateID))

    private static let byTemplateID: [String: String] = Dictionary(uniqueKeysWithValues: roles.map { ($0.templateID, $0.name) })
}
