/// The detectors of Entra ID (Azure Active Directory) sign-ins and directory changes.
enum AzureActiveDirectoryDetectors {
    static let all: [any Detector] = signIns + directoryChanges

    /// Sign-in detectors.
    static let signIns: [any Detector] = [
        SignInUnfamiliarLocation(),
        SignInOutsideAllowedCountries(),
        SignInAnonymousProxy(),
        SignInImpossibleTravel(),
        SignInBruteForce(),
        SignInPasswordSpray(),
        SignInMfaFatigue(),
        SessionTokenReplay(),
        SignInLegacyAuthentication(),
        SignInDormantAccount(),
    ]

    /// Changes to applications, authentication methods and roles (RecordType 8).
    static let directoryChanges: [any Detector] = [
        ApplicationConsent(),
        MfaMethodChange(),
        MfaDisabled(),
        RoleAssignment(),
    ]
}
