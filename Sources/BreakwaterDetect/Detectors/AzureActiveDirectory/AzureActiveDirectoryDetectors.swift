/// The detectors of Entra ID (Azure Active Directory) sign-ins and directory changes.
enum AzureActiveDirectoryDetectors {
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

    static let all: [any Detector] = signIns
}
