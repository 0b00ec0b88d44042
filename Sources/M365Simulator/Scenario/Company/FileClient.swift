/// The program behind a SharePoint or OneDrive record, and its user agent.
enum FileClient: Sendable, Hashable {
    /// The device's browser.
    case browser
    /// Word, Excel or PowerPoint opening the file from the cloud.
    case officeDesktop
    /// The OneDrive sync client.
    case oneDriveSync
    /// rclone, copying files for the backup.
    case rclone

    func userAgent(on device: Device, file: DocumentLibrary.File) -> String {
        switch self {
        case .browser:
            return device.browserAgent
        case .officeDesktop:
            let program =
                switch file.fileExtension {
                case "xlsx": "Excel"
                case "pptx": "PowerPoint"
                default: "Word"
                }
            if device.kind == .macLaptop {
                return "Microsoft Office/16.0 (Macintosh; Mac OS X 15.1; Microsoft \(program) 16.90; Pro)"
            }
            return "Microsoft Office/16.0 (Windows NT 10.0; Microsoft \(program) 16.0.18129; Pro)"
        case .oneDriveSync:
            return device.kind == .macLaptop
                ? "Microsoft SkyDriveSync 24.201.1006.0005 ship; Mac OS X 15.1"
                : "Microsoft SkyDriveSync 24.201.1006.0005 ship; Windows NT 10.0 (22631)"
        case .rclone:
            return "rclone/v1.68.1"
        }
    }

    var application: EntraApplication {
        switch self {
        case .browser: .sharePointWeb
        case .officeDesktop: .officeDesktop
        case .oneDriveSync: .oneDriveSync
        case .rclone: .rclone
        }
    }
}
