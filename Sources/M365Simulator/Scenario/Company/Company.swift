import BreakwaterModel
import Foundation

/// The simulated tenant: its people, sites and teams, and the one-off things people will do
/// during the month. Built from the seed alone, so it is the same with or without the attack.
struct Company: Sendable {
    let tenant: TenantID
    let tenantText: String
    let domain: String
    /// The first label of the domain (`contoso`): the SharePoint host and onmicrosoft name.
    let shortName: String
    /// `contoso.onmicrosoft.com`, as Exchange writes `OrganizationName`.
    let organizationName: String
    /// The Windows SID prefix of the tenant's accounts (`S-1-5-21-…`).
    let sidPrefix: String
    let people: [Person]
    /// `svc-backup@<domain>`, the nightly rclone backup's service account.
    let backupAccount: Person
    /// Team sites in ``DocumentLibrary/teamSiteNames`` order.
    let teamSites: [DocumentLibrary]
    /// Everyone's OneDrive, by person index.
    let oneDrives: [DocumentLibrary]
    /// Team name → Teams group id.
    let teamIDs: [String: String]
    /// One-off actions, by person index.
    let plannedActions: [[PlannedAction]]

    let victim: Int
    let paymentsApprover: Int
    let chiefExecutive: Int
    let executiveAssistant: Int
    let itAdministrator: Int
    let reportsReader: Int
    /// The day the executive assistant gets Full Access to the chief executive's mailbox.
    let delegationDay: Int
    /// People by trait, for the truth file.
    let travellers: [Int]
    let proxyUsers: [Int]
    let filingRuleUsers: [Int]
    let clientSharers: [Int]
    let brochurePublishers: [Int]

    init(_ configuration: ScenarioConfiguration) {
        var random = SeededRandom(seed: configuration.seed, stream: 1)
        tenant = configuration.tenant
        tenantText = configuration.tenant.description
        domain = configuration.domain.lowercased()
        let shortName = String(domain.prefix { $0 != "." })
        self.shortName = shortName
        organizationName = shortName + ".onmicrosoft.com"
        let domainIdentifier = (0..<3).map { _ in String(1_000_000_000 + random.next() % 999_999_999) }
        sidPrefix = "S-1-5-21-" + domainIdentifier.joined(separator: "-")

        let entries = Roster.entries(companyName: shortName)
        var staff: [(entry: Roster.Entry, traits: [Roster.Trait])] = entries.map { ($0, $0.traits) }
        var usedNames = Set(entries.map { "\($0.firstName) \($0.lastName)" })
        let lastDay = max(1, configuration.days - 1)
        for copy in 1..<max(1, configuration.scale) {
            for (position, entry) in entries.enumerated() {
                var number = copy * entries.count + position
                var first = Roster.firstNames[number % Roster.firstNames.count]
                var last = Roster.lastNames[(number * 7 + number / Roster.firstNames.count) % Roster.lastNames.count]
                while usedNames.contains("\(first) \(last)") {
                    number += 1
                    first = Roster.firstNames[number % Roster.firstNames.count]
                    last = Roster.lastNames[(number * 7 + number / Roster.firstNames.count) % Roster.lastNames.count]
                }
                usedNames.insert("\(first) \(last)")
                let shift = (copy * 4) % max(1, lastDay - 4)
                let traits = entry.traits.filter(Roster.isCopiedWhenScaling).map { trait -> Roster.Trait in
                    switch trait {
                    case .travels(let destination, let departure, let back):
                        let start = (departure + shift) % max(1, lastDay - (back - departure))
                        return .travels(destination, departureDay: start, returnDay: start + back - departure)
                    case .filingRule(var rule):
                        rule.day = (rule.day + copy) % max(1, lastDay)
                        return .filingRule(rule)
                    default:
                        return trait
                    }
                }
                var copied = entry
                copied.firstName = first
                copied.lastName = last
                staff.append((copied, traits))
            }
        }

        var people: [Person] = []
        var usedAliases = Set<String>()
        for (index, member) in staff.enumerated() {
            var alias = "\(member.entry.firstName).\(member.entry.lastName)".lowercased()
            if usedAliases.contains(alias) { alias += String(index) }
            usedAliases.insert(alias)
            people.append(
                Self.person(index: index, entry: member.entry, traits: member.traits, alias: alias, domain: domain, sidPrefix: sidPrefix, &random))
        }
        self.people = people

        let backup = Roster.Entry(
            firstName: "Backup", lastName: "Service", department: .informationTechnology, jobTitle: "Service account", traits: [])
        var backupAccount = Self.person(
            index: people.count, entry: backup, traits: [], alias: "svc-backup", domain: domain, sidPrefix: sidPrefix, &random)
        backupAccount.displayName = "Backup Service"
        backupAccount.homePlace = .nuremberg
        backupAccount.homeNetwork = .hetzner
        backupAccount.homeAddress = Network.hetzner.address(&random)
        backupAccount.teams = []
        self.backupAccount = backupAccount

        var teamSites: [DocumentLibrary] = []
        for name in DocumentLibrary.teamSiteNames {
            teamSites.append(DocumentLibrary.teamSite(name, host: shortName, scale: max(1, configuration.scale), &random))
        }
        self.teamSites = teamSites
        oneDrives = people.map { DocumentLibrary.oneDrive(of: $0, host: shortName, &random) }

        var teamIDs: [String: String] = [:]
        let teamNames =
            Department.allCases.map(\.teamName) + [shortName.capitalized, "Office Move 2027", "Website Relaunch", "Social Club", "Project Atlas"]
        for name in teamNames { teamIDs[name] = random.guid() }
        self.teamIDs = teamIDs

        func first(_ wanted: (Roster.Trait) -> Bool) -> Int {
            staff.firstIndex { $0.traits.contains(where: wanted) } ?? 0
        }
        func all(_ wanted: (Roster.Trait) -> Bool) -> [Int] {
            staff.indices.filter { staff[$0].traits.contains(where: wanted) }
        }
        victim = first { $0 == .victim }
        paymentsApprover = first { $0 == .paymentsApprover }
        chiefExecutive = first { $0 == .chiefExecutive }
        executiveAssistant = first { $0 == .executiveAssistant }
        itAdministrator = first { $0 == .itAdministrator }
        travellers = all { if case .travels = $0 { true } else { false } }
        proxyUsers = all { $0 == .proxyAlways || $0 == .proxyOften }
        filingRuleUsers = all { if case .filingRule = $0 { true } else { false } }
        clientSharers = all { $0 == .sharesWithClients }
        brochurePublishers = all { $0 == .publishesBrochures }
        delegationDay = min(3, lastDay)

        // The month's one-off actions.
        var planned = [[PlannedAction]](repeating: [], count: people.count)
        reportsReader = first { $0 == .reportsReader }
        planned[itAdministrator].append(
            PlannedAction(day: delegationDay, kind: .grantMailboxAccess(owner: chiefExecutive, delegate: executiveAssistant)))
        planned[itAdministrator].append(
            PlannedAction(
                day: min(8, lastDay),
                kind: .assignRole(name: "Reports Reader", templateID: "4a5d8f65-41da-4de4-8968-e035b65339cf", member: reportsReader)))
        let clients = [
            ("j.smith", "fabrikam.com"), ("procurement", "northwindtraders.com"), ("a.khan", "tailspintoys.com"),
            ("buyers", "wingtiptoys.com"), ("l.martin", "adventure-works.com"),
        ]
        let sales = DocumentLibrary.teamSiteNames.firstIndex(of: "Sales") ?? 0
        let marketing = DocumentLibrary.teamSiteNames.firstIndex(of: "Marketing") ?? 0
        for (index, member) in staff.enumerated() {
            for trait in member.traits {
                switch trait {
                case .filingRule(let rule):
                    planned[index].append(PlannedAction(day: rule.day, kind: .filingRule(rule)))
                case .addsTeamMember(let team, let day):
                    let colleague = (index + 7) % people.count
                    planned[index].append(PlannedAction(day: min(day, lastDay), kind: .addTeamMember(team: team, member: colleague)))
                case .travels(_, let departure, let back):
                    guard departure >= 1 else { continue }
                    let start = configuration.start.millisecondsSince1970 + Int64(departure) * TimeText.millisecondsPerDay
                    let end = configuration.start.millisecondsSince1970 + Int64(back + 1) * TimeText.millisecondsPerDay
                    planned[index].append(PlannedAction(day: departure - 1, kind: .autoReply(start: start, end: end)))
                case .sharesWithClients:
                    var day = Int(random.next() % 5)
                    while day <= lastDay {
                        let files = teamSites[sales].files
                        let shareable = files.indices.filter { files[$0].folder.hasSuffix("Proposals") || files[$0].folder.hasSuffix("Contracts") }
                        let client = clients[Int(random.next() % UInt64(clients.count))]
                        if !shareable.isEmpty {
                            let file = shareable[Int(random.next() % UInt64(shareable.count))]
                            planned[index].append(
                                PlannedAction(day: day, kind: .shareWithClient(library: sales, file: file, recipient: "\(client.0)@\(client.1)")))
                        }
                        day += 4 + Int(random.next() % 5)
                    }
                case .publishesBrochures:
                    let files = teamSites[marketing].files
                    let brochures = files.indices.filter { files[$0].name.contains("brochure") || files[$0].name.contains("catalogue") }
                    guard !brochures.isEmpty else { continue }
                    let day = (4 + 11 * (index % 2) + Int(random.next() % 3)) % max(1, lastDay)
                    planned[index].append(
                        PlannedAction(day: day, kind: .anonymousLink(library: marketing, file: brochures[index % brochures.count])))
                default:
                    continue
                }
            }
        }
        plannedActions = planned
    }

    func teamSite(named name: String) -> (index: Int, library: DocumentLibrary) {
        let index = DocumentLibrary.teamSiteNames.firstIndex(of: name) ?? 0
        return (index, teamSites[index])
    }

    private static func person(
        index: Int, entry: Roster.Entry, traits: [Roster.Trait], alias: String, domain: String, sidPrefix: String, _ random: inout SeededRandom
    ) -> Person {
        let shortName = String(domain.prefix { $0 != "." })
        let hasIPv6 = traits.contains(.ipv6Home)
        let homeNetwork: Network
        if hasIPv6 {
            homeNetwork = random.chance(0.6) ? .bt : .sky
        } else {
            let roll = random.unit()
            homeNetwork = roll < 0.45 ? .bt : roll < 0.75 ? .virginMedia : .sky
        }
        let homeAddress = hasIPv6 ? (homeNetwork.ipv6Address(&random) ?? homeNetwork.address(&random)) : homeNetwork.address(&random)
        let laptopKind: Device.Kind = traits.contains(.macLaptop) ? .macLaptop : .windowsLaptop
        let browser: String =
            laptopKind == .macLaptop ? Device.safariOnMac : random.chance(0.8) ? Device.edgeOnWindows : Device.chromeOnWindows
        let laptop = Device(
            kind: laptopKind, id: random.guid(),
            name: laptopKind == .macLaptop ? "\(entry.firstName)’s MacBook Pro" : "\(shortName.uppercased())-LT\(String(100 + index))",
            browserAgent: browser, trust: laptopKind == .macLaptop ? .registered : .joined, isCompliant: true)
        let android = traits.contains(.androidPhone)
        let phone = Device(
            kind: android ? .androidPhone : .iPhone, id: random.guid(), name: android ? "Pixel 8" : "iPhone",
            browserAgent: android ? Device.androidAgent : Device.iPhoneAgent, trust: .registered, isCompliant: false)
        var teams = [entry.department.teamName, shortName.capitalized]
        if random.chance(0.3) { teams.append("Social Club") }
        var trips: [Trip] = []
        for trait in traits {
            if case .travels(let destination, let departure, let back) = trait {
                trips.append(Trip(destination: destination, departureDay: departure, returnDay: back))
            }
        }
        let proxy: Person.ProxyHabit = traits.contains(.proxyAlways) ? .always : traits.contains(.proxyOften) ? .often : .never
        return Person(
            index: index, firstName: entry.firstName, lastName: entry.lastName, displayName: "\(entry.firstName) \(entry.lastName)",
            userPrincipalName: "\(alias)@\(domain)", department: entry.department, jobTitle: entry.jobTitle, objectID: random.guid(),
            puid: "1003200" + random.hex(9), sid: "\(sidPrefix)-\(1100 + index)", mailboxGUID: random.guid(),
            officeDays: traits.contains(.hybrid) ? [1, 2, 4] : [1, 2, 3, 4, 5], proxyHabit: proxy,
            homePlace: Place.homeTowns[Int(random.next() % UInt64(Place.homeTowns.count))], homeNetwork: homeNetwork, homeAddress: homeAddress,
            mobileNetwork: random.chance(0.6) ? .ee : .three, microsoftAddresses: (0..<5).map { _ in Network.microsoft.address(&random) },
            laptop: laptop, phone: phone, activity: 0.75 + random.unit() * 0.5,
            teams: teams, trips: trips, worksAfterHours: (traits.contains(.worksLate) ? 0.55 : 0.2) + random.unit() * 0.2)
    }
}
