extension ActionKind {
    /// The kind of action a record describes.
    ///
    /// Most operations map by name alone. A few need their details: a `Set-Mailbox` is a
    /// forwarding change only if it set a forwarding parameter; `UpdateInboxRules` says in
    /// `OperationProperties` whether a rule was added, changed or removed; a failed sign-in's
    /// AADSTS code tells a wrong password from an MFA prompt. Names compare without case and
    /// without the trailing period Entra adds (`Add member to role.`).
    ///
    /// - Parameters:
    ///   - record: the record.
    ///   - signInErrorCode: the AADSTS code for sign-in records (`ErrorNumber`, `ErrorCode` or
    ///     Graph `status.errorCode`), `nil` when absent.
    static func classify(_ record: AuditRecord, signInErrorCode: Int?) -> ActionKind {
        guard let rule = OperationRule.rule(for: record.operation) else { return .other }
        switch rule {
        case .fixed(let kind):
            return kind
        case .signIn(let succeededByName):
            return signInKind(errorCode: signInErrorCode, succeededByName: succeededByName)
        case .legacySignIn:
            return Outcome(resultStatus: record.resultStatus) == .failed ? .signInFailed : .signInSucceeded
        case .setMailbox:
            let parameters = PropertyBag.reading(record.raw, at: record.spans.parameters)
            if ["ForwardingSmtpAddress", "ForwardingAddress", "DeliverToMailboxAndForward"].contains(where: parameters.contains) {
                return .mailboxForwardingChanged
            }
            if ["GrantSendOnBehalfTo"].contains(where: parameters.contains) { return .mailboxPermissionChanged }
            if ["AuditEnabled", "AuditOwner", "AuditDelegate", "AuditAdmin", "AuditBypassEnabled"].contains(where: parameters.contains) {
                return .auditConfigurationChanged
            }
            return .other
        case .setOrganizationConfig:
            let parameters = PropertyBag.reading(record.raw, at: record.spans.parameters)
            return parameters.contains("AuditDisabled") ? .auditConfigurationChanged : .other
        case .updateInboxRules:
            let properties = PropertyBag.reading(record.raw, at: record.spans.operationProperties)
            switch properties["RuleOperation"]?.identityLowercased {
            case "addmailboxrule": return .inboxRuleCreated
            case "removemailboxrule": return .inboxRuleDeleted
            default: return .inboxRuleModified
            }
        case .updateUser:
            let changes = PropertyBag.reading(record.raw, at: record.spans.modifiedProperties)
            let touchesMFA = changes.entries.contains { $0.name.identityLowercased.hasPrefix("strongauthentication") }
            return touchesMFA ? .mfaMethodChanged : .userChanged
        }
    }

    /// The kind of a sign-in from its AADSTS code.
    static func signInKind(errorCode: Int?, succeededByName: Bool) -> ActionKind {
        switch errorCode {
        case nil: succeededByName ? .signInSucceeded : .signInFailed
        case 0: .signInSucceeded
        case 500121: .mfaFailed
        case 50072, 50074, 50076, 50079: .mfaChallenged
        default: .signInFailed
        }
    }
}

/// How an operation name maps to an ``ActionKind``.
private enum OperationRule {
    case fixed(ActionKind)
    /// `UserLoggedIn` (true) or `UserLoginFailed` (false): refined by the AADSTS code.
    case signIn(succeededByName: Bool)
    /// The deprecated OrgId logon (RecordType 9), whose outcome is its `ResultStatus`.
    case legacySignIn
    case setMailbox
    case setOrganizationConfig
    case updateInboxRules
    case updateUser

    static func rule(for operation: String) -> OperationRule? {
        if let rule = rulesByName[operation] { return rule }
        return rulesByNormalizedName[normalized(operation)]
    }

    /// Lowercased, without a trailing period.
    private static func normalized(_ operation: String) -> String {
        let lowered = operation.identityLowercased
        return lowered.hasSuffix(".") ? String(lowered.dropLast()) : lowered
    }

    /// Operations as Microsoft spells them; the exact-match table serves nearly every record
    /// without allocating.
    private static let rulesByName: [String: OperationRule] = {
        var table: [String: OperationRule] = [
            "UserLoggedIn": .signIn(succeededByName: true),
            "UserLoginFailed": .signIn(succeededByName: false),
            "PasswordLogonInitialAuthUsingPassword": .legacySignIn,
            "Set-Mailbox": .setMailbox,
            "Set-OrganizationConfig": .setOrganizationConfig,
            "UpdateInboxRules": .updateInboxRules,
            "Update user.": .updateUser,
        ]
        for (kind, operations) in fixedKinds {
            for operation in operations { table[operation] = .fixed(kind) }
        }
        return table
    }()

    private static let rulesByNormalizedName: [String: OperationRule] = Dictionary(
        rulesByName.map { (normalized($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })

    private static let fixedKinds: [(ActionKind, [String])] = [
        (.inboxRuleCreated, ["New-InboxRule"]),
        (.inboxRuleModified, ["Set-InboxRule", "Enable-InboxRule", "Disable-InboxRule"]),
        (.inboxRuleDeleted, ["Remove-InboxRule"]),
        (
            .mailboxPermissionChanged,
            [
                "Add-MailboxPermission", "Remove-MailboxPermission", "Add-RecipientPermission", "Remove-RecipientPermission",
                "Add-MailboxFolderPermission", "Set-MailboxFolderPermission", "Remove-MailboxFolderPermission",
                "AddFolderPermissions", "UpdateFolderPermissions", "RemoveFolderPermissions", "ModifyFolderPermissions",
            ]
        ),
        (
            .transportRuleChanged,
            ["New-TransportRule", "Set-TransportRule", "Remove-TransportRule", "Enable-TransportRule", "Disable-TransportRule"]
        ),
        (.auditConfigurationChanged, ["Set-MailboxAuditBypassAssociation", "Set-AdminAuditLogConfig"]),
        (.mailAccessed, ["MailItemsAccessed"]),
        (.mailSent, ["Send", "SendAs", "SendOnBehalf"]),
        (.mailDeleted, ["SoftDelete", "HardDelete", "MoveToDeletedItems"]),
        (.fileAccessed, ["FileAccessed", "FileAccessedExtended", "FilePreviewed", "FileViewed", "FileFetched", "FileCopied"]),
        (.fileDownloaded, ["FileDownloaded", "FileSyncDownloadedFull", "FileSyncDownloadedPartial"]),
        (.fileUploaded, ["FileUploaded", "FileSyncUploadedFull", "FileSyncUploadedPartial"]),
        (.fileModified, ["FileModified", "FileModifiedExtended"]),
        (
            .fileDeleted,
            [
                "FileDeleted", "FileRecycled", "FileDeletedFirstStageRecycleBin", "FileDeletedSecondStageRecycleBin",
                "FolderDeleted", "FolderRecycled", "FolderDeletedFirstStageRecycleBin", "FolderDeletedSecondStageRecycleBin",
            ]
        ),
        (.fileRenamed, ["FileRenamed", "FileMoved", "FolderRenamed", "FolderMoved"]),
        (.sharingGranted, ["SharingSet", "SharingInvitationCreated", "AddedToSecureLink", "AccessInvitationCreated"]),
        (
            .linkCreated,
            ["AnonymousLinkCreated", "AnonymousLinkUpdated", "CompanyLinkCreated", "SecureLinkCreated", "SecureLinkUpdated"]
        ),
        (.teamsMembershipChanged, ["MemberAdded", "MemberRemoved", "MemberRoleChanged"]),
        (
            .consentGranted,
            [
                "Consent to application.", "Add delegated permission grant.", "Add OAuth2PermissionGrant.",
                "Add app role assignment to service principal.", "Add app role assignment grant to user.",
            ]
        ),
        (
            .roleChanged,
            [
                "Add member to role.", "Remove member from role.", "Add eligible member to role.",
                "Remove eligible member from role.", "Add scoped member to role.", "Remove scoped member from role.",
            ]
        ),
        (
            .mfaMethodChanged,
            [
                "User registered security info", "User deleted security info", "User changed default security info",
                "User registered all required security info", "Admin registered security info",
                "Admin deleted security info", "Admin updated security info", "Disable Strong Authentication.",
            ]
        ),
        (
            .passwordChanged,
            [
                "Reset user password.", "Change user password.", "Set force change user password.",
                "Reset password (self-service)", "Change password (self-service)", "Reset password (by admin)",
            ]
        ),
        (
            .userChanged,
            ["Add user.", "Delete user.", "Disable account.", "Enable account.", "Restore user.", "Hard Delete user."]
        ),
    ]
}
