/// A Microsoft first-party application people sign in to, with the resource it asks a
/// token for: what Graph calls `appDisplayName`/`appId` and `resourceDisplayName`/`resourceId`,
/// and the audit log `ApplicationId` and `ObjectId`.
struct EntraApplication: Sendable, Hashable {
    var id: String
    var name: String
    var resourceID: String
    var resourceName: String
    /// Graph `clientAppUsed`.
    var isBrowser: Bool

    var clientAppUsed: String { isBrowser ? "Browser" : "Mobile Apps and Desktop clients" }
    /// `ExtendedProperties` `RequestType`.
    var requestType: String { isBrowser ? "OAuth2:Authorize" : "OAuth2:Token" }

    static let exchangeOnline = ("00000002-0000-0ff1-ce00-000000000000", "Office 365 Exchange Online")
    static let sharePointOnline = ("00000003-0000-0ff1-ce00-000000000000", "Office 365 SharePoint Online")
    static let microsoftGraph = ("00000003-0000-0000-c000-000000000000", "Microsoft Graph")
    static let teamsServices = ("cc15fd57-2c6c-4117-a88c-83b1d56b4bbe", "Microsoft Teams Services")

    private init(_ id: String, _ name: String, _ resource: (String, String), isBrowser: Bool) {
        self.id = id
        self.name = name
        resourceID = resource.0
        resourceName = resource.1
        self.isBrowser = isBrowser
    }

    static let officeDesktop = EntraApplication("d3590ed6-52b3-4102-aeff-aad2292ab01c", "Microsoft Office", exchangeOnline, isBrowser: false)
    static let outlookWeb = EntraApplication("9199bf20-a13f-4107-85dc-02114787ef48", "One Outlook Web", exchangeOnline, isBrowser: true)
    static let officeHome = EntraApplication("4765445b-32c6-49b0-83e6-1d93765276ca", "OfficeHome", microsoftGraph, isBrowser: true)
    static let outlookMobile = EntraApplication("27922004-5251-4030-b22d-91ecd9a37ea4", "Outlook Mobile", exchangeOnline, isBrowser: false)
    static let outlookMac = EntraApplication("5d661950-3475-41cd-a2c3-d671a3162bc1", "Microsoft Outlook", exchangeOnline, isBrowser: false)
    static let teams = EntraApplication("1fec8e78-bce4-4aaf-ab1b-5451cc387264", "Microsoft Teams", teamsServices, isBrowser: false)
    static let oneDriveSync = EntraApplication("ab9b8c07-8f02-4f72-87fa-80105867a763", "OneDrive SyncEngine", sharePointOnline, isBrowser: false)
    static let sharePointWeb = EntraApplication(
        "00000003-0000-0ff1-ce00-000000000000", "Office 365 SharePoint Online", sharePointOnline, isBrowser: true)
    /// rclone's own multi-tenant OneDrive/SharePoint app registration.
    static let rclone = EntraApplication("b15665d9-eda6-4092-8539-0eec376afd59", "rclone", microsoftGraph, isBrowser: false)
}
