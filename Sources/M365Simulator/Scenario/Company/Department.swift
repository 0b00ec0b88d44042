/// Where someone works: which SharePoint site they use most and which team they are in.
enum Department: String, Sendable, Hashable, CaseIterable {
    case leadership
    case finance
    case payroll
    case humanResources
    case sales
    case marketing
    case operations
    case engineering
    case customerService
    case informationTechnology

    /// The SharePoint site the department keeps its documents on (`/sites/<name>`).
    /// Payroll keeps its workbooks on the Finance site.
    var siteName: String {
        switch self {
        case .leadership: "Leadership"
        case .finance, .payroll: "Finance"
        case .humanResources: "HR"
        case .sales: "Sales"
        case .marketing: "Marketing"
        case .operations: "Operations"
        case .engineering: "Engineering"
        case .customerService: "CustomerService"
        case .informationTechnology: "IT"
        }
    }

    /// The department's team in Microsoft Teams.
    var teamName: String {
        switch self {
        case .leadership: "Leadership"
        case .finance: "Finance"
        case .payroll: "Payroll"
        case .humanResources: "HR"
        case .sales: "Sales"
        case .marketing: "Marketing"
        case .operations: "Operations"
        case .engineering: "Engineering"
        case .customerService: "Customer Service"
        case .informationTechnology: "IT"
        }
    }

    /// How much mail and how many files a day, relative to the average.
    var mailWeight: Double {
        switch self {
        case .sales, .customerService, .leadership: 1.3
        case .engineering: 0.7
        default: 1.0
        }
    }

    var fileWeight: Double {
        switch self {
        case .engineering, .finance, .marketing: 1.3
        case .customerService: 0.7
        default: 1.0
        }
    }
}
