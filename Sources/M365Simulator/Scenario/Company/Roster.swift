/// The forty people of the company at scale 1, with their jobs and habits, and the name
/// pools that staff the larger companies used for benchmarks.
enum Roster {
    /// A habit or duty that sets a person apart.
    enum Trait: Sendable, Hashable {
        /// Works from home on Wednesdays and Fridays.
        case hybrid
        case proxyAlways
        case proxyOften
        case macLaptop
        case androidPhone
        /// The home line has IPv6.
        case ipv6Home
        /// Flies abroad on the given days.
        case travels(Trip.Destination, departureDay: Int, returnDay: Int)
        /// Files newsletters or notifications with an inbox rule made on the given day.
        case filingRule(FilingRule)
        /// Shares proposals with people at client companies.
        case sharesWithClients
        /// Publishes brochures with anonymous links.
        case publishesBrochures
        case chiefExecutive
        case executiveAssistant
        case itAdministrator
        /// Gets the Reports Reader role from IT.
        case reportsReader
        /// Pays suppliers and staff: the attacker's target for the fake bank details.
        case paymentsApprover
        /// The business-email-compromise victim.
        case victim
        /// Owns a project team and adds a colleague to it on the given day.
        case addsTeamMember(team: String, day: Int)
        case worksLate
    }

    /// An inbox rule someone makes to file automated mail.
    struct FilingRule: Sendable, Hashable {
        var name: String
        /// `From` or `FromAddressContainsWords`.
        var conditionName: String
        var conditionValue: String
        var folder: String
        var markAsRead: Bool
        var day: Int
    }

    struct Entry: Sendable {
        var firstName: String
        var lastName: String
        var department: Department
        var jobTitle: String
        var traits: [Trait]
    }

    static func entries(companyName: String) -> [Entry] {
        [
            Entry(
                firstName: "Adele", lastName: "Vance", department: .leadership, jobTitle: "Chief Executive",
                traits: [.chiefExecutive, .travels(.philadelphia, departureDay: 14, returnDay: 17), .worksLate]),
            Entry(firstName: "Enrico", lastName: "Cattaneo", department: .leadership, jobTitle: "Chief Financial Officer", traits: [.worksLate]),
            Entry(firstName: "Patti", lastName: "Fernandez", department: .leadership, jobTitle: "Executive Assistant", traits: [.executiveAssistant]),
            Entry(
                firstName: "Christie", lastName: "Cline", department: .operations, jobTitle: "Operations Director",
                traits: [.reportsReader, .addsTeamMember(team: "Office Move 2027", day: 6)]),
            Entry(firstName: "Megan", lastName: "Bowen", department: .payroll, jobTitle: "Payroll Clerk", traits: [.victim]),
            Entry(firstName: "Irvin", lastName: "Sayers", department: .payroll, jobTitle: "Payroll Assistant", traits: [.androidPhone]),
            Entry(firstName: "Nestor", lastName: "Wilke", department: .finance, jobTitle: "Finance Manager", traits: [.paymentsApprover]),
            Entry(firstName: "Lidia", lastName: "Holloway", department: .finance, jobTitle: "Accounts Payable Officer", traits: [.ipv6Home]),
            Entry(
                firstName: "Joni", lastName: "Sherman", department: .finance, jobTitle: "Accountant",
                traits: [
                    .hybrid,
                    .filingRule(
                        FilingRule(
                            name: "Notifications", conditionName: "From", conditionValue: "noreply@xero.com", folder: "Notifications",
                            markAsRead: true, day: 5)),
                ]),
            Entry(firstName: "Mohammed", lastName: "Khan", department: .finance, jobTitle: "Credit Controller", traits: []),
            Entry(firstName: "Henrietta", lastName: "Mueller", department: .humanResources, jobTitle: "HR Manager", traits: [.hybrid]),
            Entry(firstName: "Johanna", lastName: "Lorenz", department: .humanResources, jobTitle: "HR Advisor", traits: [.ipv6Home]),
            Entry(firstName: "Sophie", lastName: "Walker", department: .humanResources, jobTitle: "Recruitment Coordinator", traits: [.androidPhone]),
            Entry(
                firstName: "Isaiah", lastName: "Langer", department: .sales, jobTitle: "Sales Director",
                traits: [
                    .travels(.frankfurt, departureDay: 1, returnDay: 3), .travels(.frankfurt, departureDay: 24, returnDay: 25), .sharesWithClients,
                    .worksLate,
                ]),
            Entry(
                firstName: "Diego", lastName: "Siciliani", department: .sales, jobTitle: "Account Manager",
                traits: [.travels(.paris, departureDay: 9, returnDay: 11), .sharesWithClients]),
            Entry(firstName: "Alex", lastName: "Wilber", department: .sales, jobTitle: "Account Manager", traits: [.sharesWithClients, .hybrid]),
            Entry(firstName: "James", lastName: "Whitaker", department: .sales, jobTitle: "Account Manager", traits: [.sharesWithClients]),
            Entry(firstName: "Jack", lastName: "Robinson", department: .sales, jobTitle: "Sales Executive", traits: [.androidPhone]),
            Entry(firstName: "Sara", lastName: "Davis", department: .sales, jobTitle: "Sales Coordinator", traits: [.ipv6Home]),
            Entry(
                firstName: "Lynne", lastName: "Robbins", department: .marketing, jobTitle: "Marketing Manager",
                traits: [.publishesBrochures, .macLaptop, .addsTeamMember(team: "Website Relaunch", day: 12)]),
            Entry(
                firstName: "Miriam", lastName: "Graham", department: .marketing, jobTitle: "Designer",
                traits: [.macLaptop, .publishesBrochures, .hybrid]),
            Entry(
                firstName: "Charlotte", lastName: "Evans", department: .marketing, jobTitle: "Content Writer",
                traits: [
                    .macLaptop,
                    .filingRule(
                        FilingRule(
                            name: "Marketing newsletters", conditionName: "From",
                            conditionValue: "newsletter@marketingweek.com;news@campaignlive.co.uk", folder: "Newsletters", markAsRead: true,
                            day: 8)),
                ]),
            Entry(firstName: "Tom", lastName: "Ryan", department: .operations, jobTitle: "Facilities Coordinator", traits: []),
            Entry(firstName: "Debra", lastName: "Berger", department: .operations, jobTitle: "Operations Coordinator", traits: [.hybrid]),
            Entry(firstName: "Priya", lastName: "Shah", department: .operations, jobTitle: "Logistics Planner", traits: [.androidPhone]),
            Entry(firstName: "George", lastName: "Turner", department: .operations, jobTitle: "Purchasing Officer", traits: []),
            Entry(
                firstName: "Grady", lastName: "Archie", department: .engineering, jobTitle: "Lead Engineer",
                traits: [.proxyAlways, .addsTeamMember(team: "Project Atlas", day: 26), .worksLate]),
            Entry(firstName: "Wanda", lastName: "Li", department: .engineering, jobTitle: "Software Engineer", traits: [.proxyAlways, .hybrid]),
            Entry(
                firstName: "Pradeep", lastName: "Gupta", department: .engineering, jobTitle: "Software Engineer",
                traits: [
                    .proxyOften, .hybrid, .ipv6Home,
                    .filingRule(
                        FilingRule(
                            name: "Jira", conditionName: "From", conditionValue: "jira@\(companyName).atlassian.net", folder: "Archive",
                            markAsRead: false, day: 13)),
                ]),
            Entry(firstName: "Raul", lastName: "Ortiz", department: .engineering, jobTitle: "QA Engineer", traits: [.proxyOften, .androidPhone]),
            Entry(firstName: "Ryan", lastName: "Patel", department: .engineering, jobTitle: "Graduate Engineer", traits: []),
            Entry(
                firstName: "Lee", lastName: "Gu", department: .informationTechnology, jobTitle: "IT Manager", traits: [.itAdministrator, .worksLate]),
            Entry(firstName: "Allan", lastName: "Deyoung", department: .informationTechnology, jobTitle: "IT Support Analyst", traits: [.proxyOften]),
            Entry(firstName: "Ben", lastName: "Walters", department: .customerService, jobTitle: "Customer Service Lead", traits: []),
            Entry(
                firstName: "Emily", lastName: "Braun", department: .customerService, jobTitle: "Customer Service Advisor",
                traits: [
                    .filingRule(
                        FilingRule(
                            name: "Newsletters", conditionName: "FromAddressContainsWords", conditionValue: "newsletter;news@",
                            folder: "Newsletters", markAsRead: false, day: 2))
                ]),
            Entry(
                firstName: "Hannah", lastName: "Clarke", department: .customerService, jobTitle: "Customer Service Advisor", traits: [.androidPhone]),
            Entry(firstName: "Olivia", lastName: "Hughes", department: .customerService, jobTitle: "Customer Service Advisor", traits: []),
            Entry(firstName: "Daniel", lastName: "Price", department: .customerService, jobTitle: "Customer Service Advisor", traits: [.hybrid]),
            Entry(
                firstName: "Emma", lastName: "Hartley", department: .operations, jobTitle: "Office Manager",
                traits: [.addsTeamMember(team: "Social Club", day: 19)]),
            Entry(firstName: "Chloe", lastName: "Wright", department: .customerService, jobTitle: "Customer Service Advisor", traits: [.hybrid]),
        ]
    }

    /// Traits the copies of a person keep when the company is scaled up: habits, not the
    /// one-of-a-kind roles of the story.
    static func isCopiedWhenScaling(_ trait: Trait) -> Bool {
        switch trait {
        case .chiefExecutive, .executiveAssistant, .itAdministrator, .reportsReader, .paymentsApprover, .victim, .addsTeamMember: false
        default: true
        }
    }

    static let firstNames = [
        "Oliver", "Amelia", "Harry", "Isla", "Jacob", "Ava", "Charlie", "Mia", "Thomas", "Grace", "Oscar", "Lily", "William", "Freya",
        "Noah", "Ella", "Alfie", "Evie", "Joshua", "Poppy", "Leo", "Ruby", "Archie", "Florence", "Henry", "Rosie", "Ethan", "Matilda",
        "Samuel", "Phoebe", "Isaac", "Erin", "Lucas", "Imogen", "Max", "Zara", "Adam", "Holly", "Dylan", "Niamh", "Aaron", "Aisha",
        "Callum", "Megan", "Connor", "Abigail", "Kieran", "Jessica", "Liam", "Lauren",
    ]

    static let lastNames = [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Wright", "Green", "Hall", "Wood",
        "Thompson", "Hughes", "Edwards", "Lewis", "Harris", "Martin", "Jackson", "Clarke", "Scott", "Baker", "Roberts", "Hill",
        "Cooper", "Ward", "Morris", "King", "Moore", "Mitchell", "Watson", "Young", "Allen", "Bennett", "Carter", "Shaw", "Lloyd",
        "Holmes", "Begum", "Ali", "Hussain", "Kaur", "Singh", "Murphy", "Kelly", "Reid", "Fraser", "Booth", "Marshall",
    ]
}
