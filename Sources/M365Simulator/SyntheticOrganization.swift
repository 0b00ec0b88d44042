public import BreakwaterModel
import Foundation

/// A made-up Microsoft 365 organisation: its tenant, domain and people, each with the places
/// and devices they normally work from. Deterministic for a given seed, so that demos,
/// benchmarks and tests see the same organisation every time.
public struct SyntheticOrganization: Sendable {
    /// One person in the organisation.
    public struct User: Sendable {
        public var userPrincipalName: String
        public var displayName: String
        /// Entra object id.
        public var objectID: String
        /// The Exchange/SharePoint PUID.
        public var puid: String
        /// The address the user normally works from.
        public var homeAddress: String
        public var userAgent: String
        public var mailboxGUID: String
    }

    public let tenant: TenantID
    public let domain: String
    public let users: [User]

    /// Builds an organisation of `userCount` people.
    public init(seed: UInt64, userCount: Int, tenant: TenantID? = nil, domain: String = "contoso.com") {
        var random = SeededRandom(seed: seed)
        self.tenant = tenant ?? TenantID(uuid: random.uuid())
        self.domain = domain
        let firstNames = [
            "adele", "alex", "allan", "ben", "christie", "debra", "diego", "emily", "grady", "henrietta", "isaiah", "joni",
            "lee", "lidia", "lynne", "megan", "miriam", "nestor", "patti", "pradeep", "raul", "sara", "tom", "wanda",
        ]
        let lastNames = [
            "vance", "wilber", "deyoung", "cline", "cline", "berg", "siciliani", "braun", "archie", "gonzales", "langer",
            "sherman", "gu", "holgate", "robbins", "bowen", "graham", "wilke", "katz", "gupta", "ortiz", "davis", "ryan", "li",
        ]
        let agents = [
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
            "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17928; Pro)",
        ]
        var users: [User] = []
        for index in 0..<max(1, userCount) {
            let first = firstNames[index % firstNames.count]
            let last = lastNames[(index / firstNames.count + index) % lastNames.count]
            let suffix = index < firstNames.count ? "" : String(index / firstNames.count)
            let name = "\(first).\(last)\(suffix)"
            // Offices on documentation ranges (203.0.113.0/24 is left for attackers in demos).
            let office = ["198.51.100", "192.0.2"][index % 2]
            users.append(
                User(
                    userPrincipalName: "\(name)@\(domain)",
                    displayName: "\(first.capitalized) \(last.capitalized)",
                    objectID: random.uuid().uuidString.lowercased(),
                    puid: String(format: "10037FFE%08X", random.next() & 0xFFFF_FFFF),
                    homeAddress: "\(office).\(10 + index % 200)",
                    userAgent: agents[Int(random.next() % UInt64(agents.count))],
                    mailboxGUID: random.uuid().uuidString.lowercased()))
        }
        self.users = users
    }
}
