/// The detectors of SharePoint Online and OneDrive: file volumes and sharing.
enum SharePointDetectors {
    static let all: [any Detector] = [
        FileMassDownload(),
        FileMassDelete(),
        SharingExternal(),
        SharingAnonymousLink(),
    ]
}
