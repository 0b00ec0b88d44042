/// A laptop or phone someone works on, with what Entra ID and the services record about it.
struct Device: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// Entra-joined, Intune-managed Windows 11 laptop with Edge, Outlook, Teams and OneDrive.
        case windowsLaptop
        /// Entra-registered MacBook with Safari, new Outlook and Teams.
        case macLaptop
        /// Personal iPhone with Outlook, Teams and Authenticator.
        case iPhone
        /// Personal Android phone with Outlook, Teams and Authenticator.
        case androidPhone
        /// A Linux server running a command-line tool (the backup server).
        case linuxServer
    }

    /// How the device is known to Entra ID.
    enum Trust: Sendable, Hashable {
        case joined
        case registered
    }

    var kind: Kind
    /// Entra device id; empty for a device Entra does not know.
    var id: String
    /// Device name as Entra shows it (`CONTOSO-LT042`, `iPhone`).
    var name: String
    /// The device's own browser.
    var browserAgent: String
    /// `nil` for a device Entra does not know (an attacker's).
    var trust: Trust?
    /// Enrolled in Intune and compliant: the company's laptops are, personal phones are not.
    var isCompliant: Bool

    var isPhone: Bool { kind == .iPhone || kind == .androidPhone }

    /// Graph `deviceDetail.operatingSystem`.
    var graphOperatingSystem: String {
        switch kind {
        case .windowsLaptop: "Windows10"
        case .macLaptop: "MacOs"
        case .iPhone: "Ios"
        case .androidPhone: "Android"
        case .linuxServer: "Linux"
        }
    }

    /// `DeviceProperties` `OS` in the audit log's sign-in records.
    var auditOperatingSystem: String {
        switch kind {
        case .windowsLaptop: "Windows 10"
        case .macLaptop: "MacOs"
        case .iPhone: "Ios"
        case .androidPhone: "Android"
        case .linuxServer: "Linux"
        }
    }

    /// `DeviceProperties` `BrowserType`.
    var browserType: String {
        switch kind {
        case .windowsLaptop: browserAgent.contains("Edg/") ? "Edge" : "Chrome"
        case .macLaptop: "Safari"
        case .iPhone: "Safari"
        case .androidPhone: "Chrome"
        case .linuxServer: "Other"
        }
    }

    /// Graph `deviceDetail.browser` for a browser sign-in.
    var graphBrowser: String {
        switch kind {
        case .windowsLaptop: browserAgent.contains("Edg/") ? "Edge 130.0.0" : "Chrome 130.0.0"
        case .macLaptop: "Safari 18.1"
        case .iPhone: "Mobile Safari 18.1"
        case .androidPhone: "Chrome Mobile 130.0.6723"
        case .linuxServer: "Other"
        }
    }

    /// Graph `deviceDetail.trustType`.
    var trustType: String {
        switch trust {
        case .joined: "Azure AD joined"
        case .registered: "Azure AD registered"
        case nil: ""
        }
    }

    /// `DeviceProperties` `TrustType`: 0 registered, 1 joined.
    var auditTrustType: String? {
        switch trust {
        case .joined: "1"
        case .registered: "0"
        case nil: nil
        }
    }

    /// The user agent of the operating system's sign-in broker (WAM on Windows, the
    /// Authenticator broker on phones, the Microsoft Enterprise SSO plug-in on macOS).
    var brokerAgent: String {
        switch kind {
        case .windowsLaptop: "Windows-AzureAD-Authentication-Provider/1.0"
        case .macLaptop, .iPhone, .androidPhone, .linuxServer: browserAgent
        }
    }
}

extension Device {
    static let edgeOnWindows =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0"
    static let chromeOnWindows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36"
    static let safariOnMac = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15"
    static let iPhoneAgent =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"
    static let androidAgent =
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.6723.102 Mobile Safari/537.36"
}
