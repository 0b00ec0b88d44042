/// The mail program behind a mailbox record, and how Exchange writes it down.
enum MailClient: Sendable, Hashable {
    /// Classic Outlook for Windows over MAPI/HTTP: the client's own address, IPv4-mapped.
    case outlookDesktop
    /// Outlook on the web.
    case outlookWeb
    /// Outlook for iOS and Android, and new Outlook for Mac: Microsoft's cloud service syncs
    /// the mailbox for the app, so Exchange sees a Microsoft address, not the device's.
    case outlookViaMicrosoft(EntraApplication)

    var clientInfoString: String {
        switch self {
        case .outlookDesktop: "Client=MSExchangeRPC"
        case .outlookWeb: "Client=OWA;Action=ViaProxy"
        case .outlookViaMicrosoft: "Client=REST;Client=RESTSystem;;"
        }
    }

    var application: EntraApplication {
        switch self {
        case .outlookDesktop: .officeDesktop
        case .outlookWeb: .outlookWeb
        case .outlookViaMicrosoft(let application): application
        }
    }

    /// The usual client of a device: Outlook on Windows laptops, the Outlook app via
    /// Microsoft on phones and Macs.
    static func usual(on device: Device) -> MailClient {
        switch device.kind {
        case .windowsLaptop: .outlookDesktop
        case .macLaptop: .outlookViaMicrosoft(.outlookMac)
        case .iPhone, .androidPhone: .outlookViaMicrosoft(.outlookMobile)
        case .linuxServer: .outlookWeb
        }
    }
}
