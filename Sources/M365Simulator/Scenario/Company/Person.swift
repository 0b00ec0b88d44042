/// One member of staff (or the backup service account): who they are in Entra ID and
/// Exchange, where they work and live, and their habits.
struct Person: Sendable {
    /// How a laptop reaches the Internet through the company's security service edge.
    enum ProxyHabit: Sendable, Hashable {
        case never
        /// Zscaler Client Connector always on: the laptop egresses in the US everywhere.
        case always
        /// Switched on and off at home, sometimes within minutes; off in the office.
        case often
    }

    var index: Int
    var firstName: String
    var lastName: String
    var displayName: String
    /// Lower-case UPN (`megan.bowen@contoso.com`).
    var userPrincipalName: String
    var department: Department
    var jobTitle: String
    /// Entra object id.
    var objectID: String
    /// Exchange/SharePoint PUID (16 hex digits).
    var puid: String
    /// Windows SID, as mailbox records write `LogonUserSid`/`MailboxOwnerSid`.
    var sid: String
    var mailboxGUID: String
    /// Weekdays (0 Sunday … 6 Saturday) spent in the office; the other weekdays at home.
    var officeDays: Set<Int>
    var proxyHabit: ProxyHabit
    var homePlace: Place
    var homeNetwork: Network
    /// The home router's public address (IPv6 for some BT and Sky customers).
    var homeAddress: String
    var mobileNetwork: Network
    /// The Exchange Online front ends (AS8075) that sync the mailbox for the person's
    /// Outlook app: mailbox records of the app carry these, not the phone's address.
    var microsoftAddresses: [String]
    var laptop: Device
    var phone: Device
    /// How busy the person is: 1 is average.
    var activity: Double
    var teams: [String]
    var trips: [Trip]
    /// Whether the person reads mail and works in the evenings and at weekends.
    var worksAfterHours: Double

    /// The mail alias (`megan.bowen`).
    var alias: String { String(userPrincipalName.prefix { $0 != "@" }) }

    /// The OneDrive URL segment (`megan_bowen_contoso_com`).
    var oneDriveSegment: String {
        String(userPrincipalName.map { $0 == "." || $0 == "@" ? "_" : $0 })
    }

    /// The SharePoint `UserKey` (`i:0h.f|membership|10032001a1b2c3d4@live.com`).
    var sharePointUserKey: String { "i:0h.f|membership|\(puid.lowercased())@live.com" }

    func trip(on day: Int) -> Trip? {
        trips.first { $0.contains(day: day) }
    }
}
