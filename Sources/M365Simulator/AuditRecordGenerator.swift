public import BreakwaterModel
import Foundation

/// Generates an organisation's normal day as unified audit log records, in the shapes the
/// Management Activity API serves (contract §3): sign-ins, mailbox access and sends,
/// SharePoint and OneDrive file activity, Teams sessions, Exchange admin cmdlets and Entra
/// directory changes, mixed in realistic proportions and about 1–2 KB each.
///
/// Deterministic for a given seed. Records come in time order, spaced a few seconds apart.
public struct AuditRecordGenerator: Sendable {
    public let organization: SyntheticOrganization
    private var random: SeededRandom
    private var clock: Int64

    /// - Parameters:
    ///   - organization: whose activity to generate.
    ///   - seed: the random seed.
    ///   - start: the time of the first record.
    public init(organization: SyntheticOrganization, seed: UInt64, start: Timestamp) {
        self.organization = organization
        random = SeededRandom(seed: seed)
        clock = start.millisecondsSince1970
    }

    /// The next record's JSON text (one line).
    public mutating func next() -> [UInt8] {
        clock += Int64(random.next() % 4000)
        let user = random.pick(organization.users)
        let roll = random.next() % 100
        let text: String
        switch roll {
        case 0..<20: text = signIn(user)
        case 20..<50: text = mailItemsAccessed(user)
        case 50..<55: text = send(user)
        case 55..<85: text = fileOperation(user)
        case 85..<93: text = teamsSession(user)
        case 93..<97: text = exchangeAdmin(user)
        default: text = directoryChange(user)
        }
        return Array(text.utf8)
    }

    // MARK: - Shared fields

    private mutating func common(_ user: SyntheticOrganization.User, operation: String, recordType: Int, workload: String, userKey: String, result: String?)
        -> String
    {
        let time = Timestamp(millisecondsSince1970: clock).iso8601.dropLast()  // the feed writes no "Z"
        let status = result.map { "\"ResultStatus\":\"\($0)\"," } ?? ""
        return """
            "CreationTime":"\(time.prefix(19))","Id":"\(guid())","Operation":"\(operation)","OrganizationId":"\(organization.tenant)",\
            "RecordType":\(recordType),\(status)"UserKey":"\(userKey)","UserType":0,"Version":1,"Workload":"\(workload)"
            """
    }

    private mutating func guid() -> String {
        random.uuid().uuidString.lowercased()
    }

    private mutating func appAccessContext() -> String {
        """
        "AppAccessContext":{"AADSessionId":"\(guid())","APIId":"","ClientAppId":"00000002-0000-0ff1-ce00-000000000000",\
        "ClientAppName":"Office 365 Exchange Online","CorrelationId":"\(guid())","UniqueTokenId":"\(tokenID())"}
        """
    }

    private mutating func tokenID() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        return String((0..<22).map { _ in random.pick(alphabet) })
    }

    // MARK: - Records

    private mutating func signIn(_ user: SyntheticOrganization.User) -> String {
        let failed = random.next() % 10 == 0
        let errorNumber = failed ? random.pick(["50126", "50074", "50053"]) : "0"
        let resource = random.pick([
            "00000002-0000-0ff1-ce00-000000000000", "00000003-0000-0ff1-ce00-000000000000", "00000003-0000-0000-c000-000000000000",
        ])
        let head = common(
            user, operation: failed ? "UserLoginFailed" : "UserLoggedIn", recordType: 15, workload: "AzureActiveDirectory",
            userKey: user.objectID, result: failed ? "Failed" : "Success")
        return """
            {\(head),"ClientIP":"\(user.homeAddress)","ObjectId":"\(resource)","UserId":"\(user.userPrincipalName)",\
            "AzureActiveDirectoryEventType":1,"ExtendedProperties":[{"Name":"ResultStatusDetail","Value":"\(failed ? "Redirect" : "Success")"},\
            {"Name":"UserAgent","Value":"\(user.userAgent)"},{"Name":"UserAuthenticationMethod","Value":"1"},\
            {"Name":"RequestType","Value":"OAuth2:Authorize"}],"ModifiedProperties":[],\
            "Actor":[{"ID":"\(user.objectID)","Type":0},{"ID":"\(user.userPrincipalName)","Type":5}],\
            "ActorContextId":"\(organization.tenant)","ActorIpAddress":"\(user.homeAddress)","InterSystemsId":"\(guid())",\
            "IntraSystemId":"\(guid())","SupportTicketId":"","Target":[{"ID":"\(resource)","Type":0}],\
            "TargetContextId":"\(organization.tenant)","ApplicationId":"4765445b-32c6-49b0-83e6-1d93765276ca",\
            "DeviceProperties":[{"Name":"OS","Value":"Windows10"},{"Name":"BrowserType","Value":"Edge"},\
            {"Name":"IsCompliantAndManaged","Value":"False"},{"Name":"SessionId","Value":"\(guid())"}],\
            "ErrorNumber":"\(errorNumber)"\(failed ? ",\"LogonError\":\"InvalidUserNameOrPassword\"" : "")}
            """
    }

    private mutating func mailboxFields(_ user: SyntheticOrganization.User) -> String {
        """
        "ClientIP":"\(user.homeAddress)","UserId":"\(user.userPrincipalName)",\(appAccessContext()),\
        "ClientIPAddress":"\(user.homeAddress)","ClientInfoString":"Client=OWA;Action=ViaProxy","ExternalAccess":false,\
        "InternalLogonType":0,"LogonType":0,"LogonUserSid":"S-1-5-21-2212341543-1234567890-987654321-\(1000 + random.next() % 9000)",\
        "MailboxGuid":"\(user.mailboxGUID)","MailboxOwnerSid":"S-1-5-21-2212341543-1234567890-987654321-4821",\
        "MailboxOwnerUPN":"\(user.userPrincipalName)","OrganizationName":"\(organization.domain.split(separator: ".")[0]).onmicrosoft.com",\
        "OriginatingServer":"AM0PR06MB\(1000 + random.next() % 9000) (15.20.8158.000)","SessionId":"\(guid())"
        """
    }

    private mutating func mailItemsAccessed(_ user: SyntheticOrganization.User) -> String {
        let head = common(user, operation: "MailItemsAccessed", recordType: 50, workload: "Exchange", userKey: user.puid, result: "Succeeded")
        let folder = random.pick(["Inbox", "Sent Items", "Archive", "Projects"])
        return """
            {\(head),\(mailboxFields(user)),"OperationProperties":[{"Name":"MailAccessType","Value":"Bind"},\
            {"Name":"IsThrottled","Value":"False"}],"Folders":[{"FolderItems":[{"InternetMessageId":\
            "<\(tokenID())@AM0PR06MB1234.eurprd06.prod.outlook.com>","SizeInBytes":\(2000 + random.next() % 90000)}],\
            "Id":"LgAAAAAcQ\(tokenID())AAAB","Path":"\\\\\(folder)"}],"OperationCount":1}
            """
    }

    private mutating func send(_ user: SyntheticOrganization.User) -> String {
        let head = common(user, operation: "Send", recordType: 2, workload: "Exchange", userKey: user.puid, result: "Succeeded")
        let subject = random.pick(["Weekly status", "Re: Budget review", "Lunch on Friday?", "Contract draft v3", "Meeting notes"])
        return """
            {\(head),\(mailboxFields(user)),"Item":{"Id":"RgAAAAAcQ\(tokenID())AAAJ","InternetMessageId":\
            "<\(tokenID())@AM0PR06MB1234.eurprd06.prod.outlook.com>","ParentFolder":{"Id":"LgAAAAAcQ\(tokenID())AAAB",\
            "Path":"\\\\Sent Items"},"SizeInBytes":\(3000 + random.next() % 40000),"Subject":"\(subject)"}}
            """
    }

    private mutating func fileOperation(_ user: SyntheticOrganization.User) -> String {
        let operation = random.pick(["FileAccessed", "FileAccessed", "FileAccessed", "FileModified", "FileDownloaded", "FileUploaded", "FilePreviewed"])
        let site = random.pick(["Finance", "Marketing", "HR", "Engineering", "Sales"])
        let file = random.pick(["Q3 Budget.xlsx", "Roadmap.pptx", "Onboarding.docx", "Pricing 2026.xlsx", "Team photo.jpg", "Notes.docx"])
        let fileExtension = file.split(separator: ".").last.map(String.init) ?? ""
        let host = organization.domain.split(separator: ".")[0]
        let head = common(
            user, operation: operation, recordType: 6, workload: "SharePoint", userKey: "i:0h.f|membership|\(user.puid.lowercased())@live.com",
            result: nil)
        return """
            {\(head),"ClientIP":"\(user.homeAddress)","ObjectId":"https://\(host).sharepoint.com/sites/\(site)/Shared Documents/\(file)",\
            "UserId":"\(user.userPrincipalName)","CorrelationId":"\(guid())","EventSource":"SharePoint","ItemType":"File",\
            "ListId":"\(guid())","ListItemUniqueId":"\(guid())","Site":"\(guid())","UserAgent":"\(user.userAgent)",\
            "WebId":"\(guid())","SourceFileExtension":"\(fileExtension)","SiteUrl":"https://\(host).sharepoint.com/sites/\(site)/",\
            "SourceFileName":"\(file)","SourceRelativeUrl":"Shared Documents","ApplicationDisplayName":"Microsoft Office",\
            "AuthenticationType":"OAuth","BrowserName":"Edge","BrowserVersion":"130.0.0.0","IsManagedDevice":false,\
            "Platform":"WinDesktop","GeoLocation":"EUR","HighPriorityMediaProcessing":false}
            """
    }

    private mutating func teamsSession(_ user: SyntheticOrganization.User) -> String {
        let head = common(user, operation: "TeamsSessionStarted", recordType: 25, workload: "MicrosoftTeams", userKey: user.objectID, result: nil)
        return """
            {\(head),"ClientIP":"\(user.homeAddress)","UserId":"\(user.userPrincipalName)","CommunicationType":"Unknown",\
            "ItemName":"TeamsSession","ExtraProperties":[{"Key":"TimeZone","Value":"Europe/London"},\
            {"Key":"OsName","Value":"windows"},{"Key":"OsVersion","Value":"10.0.22631"},{"Key":"Country","Value":"gb"},\
            {"Key":"ClientName","Value":"skypeteams"},{"Key":"ClientVersion","Value":"49/24102001315"}],"AppAccessContext":\
            {"AADSessionId":"\(guid())","ClientAppId":"1fec8e78-bce4-4aaf-ab1b-5451cc387264","CorrelationId":"\(guid())"}}
            """
    }

    private mutating func exchangeAdmin(_ user: SyntheticOrganization.User) -> String {
        let head = common(
            user, operation: "Set-Mailbox", recordType: 1, workload: "Exchange", userKey: "NT AUTHORITY\\\\SYSTEM (Microsoft.Exchange.ServiceHost)",
            result: "True")
        return """
            {\(head),"ClientIP":"","ObjectId":"EURPR06A001.prod.outlook.com/Microsoft Exchange Hosted Organizations/\
            \(organization.domain.split(separator: ".")[0]).onmicrosoft.com/\(user.displayName)","UserId":"NT AUTHORITY\\\\SYSTEM \
            (Microsoft.Exchange.ServiceHost)","AppId":"","ClientAppId":"","ExternalAccess":true,"OrganizationName":\
            "\(organization.domain.split(separator: ".")[0]).onmicrosoft.com","OriginatingServer":"AM0PR06MB\(1000 + random.next() % 9000) \
            (15.20.8158.000)","Parameters":[{"Name":"Identity","Value":"\(user.objectID)"},{"Name":"RetentionPolicy",\
            "Value":"Default MRM Policy"},{"Name":"Force","Value":"True"}],"SessionId":"\(guid())"}
            """
    }

    private mutating func directoryChange(_ user: SyntheticOrganization.User) -> String {
        let admin = organization.users[0]
        let head = common(admin, operation: "Update user.", recordType: 8, workload: "AzureActiveDirectory", userKey: admin.objectID, result: "Success")
        return """
            {\(head),"ClientIP":"","ObjectId":"\(user.userPrincipalName)","UserId":"\(admin.userPrincipalName)",\
            "AzureActiveDirectoryEventType":1,"ExtendedProperties":[{"Name":"additionalDetails","Value":"{\\"UserType\\":\\"Member\\"}"},\
            {"Name":"extendedAuditEventCategory","Value":"User"}],"ModifiedProperties":[{"Name":"Department","NewValue":"[\\r\\n  \\"Finance\\"\\r\\n]",\
            "OldValue":"[\\r\\n  \\"Sales\\"\\r\\n]"},{"Name":"Included Updated Properties","NewValue":"Department","OldValue":""}],\
            "Actor":[{"ID":"\(admin.userPrincipalName)","Type":5},{"ID":"\(admin.objectID)","Type":2}],\
            "ActorContextId":"\(organization.tenant)","InterSystemsId":"\(guid())","IntraSystemId":"\(guid())",\
            "SupportTicketId":"","Target":[{"ID":"User_\(user.objectID)","Type":2},{"ID":"\(user.userPrincipalName)","Type":5}],\
            "TargetContextId":"\(organization.tenant)"}
            """
    }
}
