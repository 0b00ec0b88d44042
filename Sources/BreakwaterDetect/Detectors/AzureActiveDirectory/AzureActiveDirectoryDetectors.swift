/// The detectors of Entra ID (Azure Active Directory) sign-ins and directory changes.
enum AzureActiveDirectoryDetectors {
    static let all: [any Detector] = []
}
