/// A SharePoint site's document library, or someone's OneDrive, and the files in it.
struct DocumentLibrary: Sendable {
    /// One file, with the ids SharePoint records for it.
    struct File: Sendable {
        /// Folder within the site (`Shared Documents/Invoices`).
        var folder: String
        var name: String
        var uniqueID: String

        var fileExtension: String {
            guard let dot = name.lastIndex(of: ".") else { return "" }
            return String(name[name.index(after: dot)...])
        }
    }

    /// `https://contoso.sharepoint.com/sites/Finance/`, with the trailing slash the audit
    /// log writes.
    var siteURL: String
    /// `SharePoint` for team sites, `OneDrive` for personal ones.
    var workload: String
    var siteID: String
    var webID: String
    var listID: String
    var files: [File]

    func url(of file: File) -> String {
        siteURL + file.folder + "/" + file.name
    }
}

extension DocumentLibrary {
    /// A team site's library: named documents for its department plus numbered series
    /// (invoices, proposals, contracts), longer at larger scales.
    static func teamSite(_ name: String, host: String, scale: Int, _ random: inout SeededRandom) -> DocumentLibrary {
        var files: [File] = []
        func add(_ folder: String, _ names: [String]) {
            for name in names {
                files.append(File(folder: folder.isEmpty ? "Shared Documents" : "Shared Documents/" + folder, name: name, uniqueID: random.guid()))
            }
        }
        let count = 12 * scale
        func series(_ make: (Int) -> String, from start: Int = 1) -> [String] { (start..<(start + count)).map(make) }
        switch name {
        case "Finance":
            add(
                "",
                [
                    "Payroll 2026.xlsx", "Management accounts Q3 2026.xlsx", "Budget 2027 draft.xlsx", "VAT return Q3 2026.xlsx",
                    "Supplier bank details.xlsx", "Aged debtors October 2026.xlsx", "Cash flow forecast 2026-27.xlsx",
                    "Expenses policy.docx", "Fixed asset register.xlsx", "Audit planning 2026.docx",
                ])
            add("Invoices", series({ "INV-2026-\(String(410 + $0)).pdf" }) + series({ "INV-2026-\(String(510 + $0)).pdf" }))
            add("Purchase orders", series({ "PO-26\(String(1100 + $0)).pdf" }))
            add(
                "Payroll",
                [
                    "Payroll October 2026.xlsx", "Payroll November 2026.xlsx", "Pension contributions 2026.xlsx", "Starters and leavers 2026.xlsx",
                    "Overtime claims November 2026.xlsx", "Salary sacrifice schemes.docx", "Payroll calendar 2026-27.pdf",
                ])
            add("Bank reconciliations", series({ "Bank reconciliation week \($0).xlsx" }))
        case "HR":
            add(
                "",
                [
                    "Employee handbook 2026.docx", "Holiday tracker 2026.xlsx", "Salary review 2026.xlsx", "Sickness absence log.xlsx",
                    "Training plan 2027.xlsx", "Org chart November 2026.pptx",
                ])
            add("Recruitment", series({ "Candidate CV \($0).pdf" }))
            add("Policies", ["Hybrid working policy.docx", "Disciplinary policy.docx", "Grievance policy.docx", "Parental leave policy.docx"])
        case "Sales":
            add("", ["Pipeline Q4 2026.xlsx", "Price list 2027.xlsx", "Sales targets 2027.xlsx", "Customer list.xlsx", "Commission plan 2026.docx"])
            add("Proposals", series({ "Proposal \(String(2600 + $0)).docx" }))
            add("Contracts", series({ "Contract \(String(2500 + $0)).pdf" }))
        case "Marketing":
            add(
                "",
                [
                    "Contoso brochure 2026.pdf", "Winter catalogue 2026.pdf", "Brand guidelines.pdf", "Campaign calendar 2027.xlsx",
                    "Website copy draft.docx", "Press release - new range.docx",
                ])
            add("Images", series({ "Product shot \($0).jpg" }))
            add("Campaigns", series({ "Campaign brief \($0).docx" }))
        case "Operations":
            add(
                "",
                [
                    "Supplier list.xlsx", "Health and safety policy.docx", "Office move plan.xlsx", "Fleet schedule.xlsx", "Stock levels.xlsx",
                ])
            add("Delivery schedules", series({ "Delivery schedule week \(36 + $0).xlsx" }))
        case "Engineering":
            add("", ["Architecture overview.docx", "Test plan.xlsx", "Roadmap 2027.pptx", "On-call rota.xlsx"])
            add("Specifications", series({ "Specification \(String(100 + $0)).docx" }))
            add("Release notes", series({ "Release notes 3.\($0).docx" }))
        case "CustomerService":
            add("", ["Complaints log 2026.xlsx", "Returns process.docx", "Call scripts.docx", "Service levels.xlsx"])
            add("Templates", series({ "Reply template \($0).docx" }))
        case "IT":
            add("", ["Asset register.xlsx", "Joiners and leavers.xlsx", "Backup report.docx", "Licence tracker.xlsx", "Network diagram.vsdx"])
            add("Procedures", series({ "Procedure \($0).docx" }))
        case "Leadership":
            add(
                "",
                [
                    "Board pack November 2026.pptx", "Strategy 2027.pptx", "Board minutes October 2026.docx", "Risk register.xlsx",
                    "Acquisition shortlist.xlsx",
                ])
        default:
            add("", ["Staff directory.xlsx", "Holiday calendar 2026.pdf", "Canteen menu.pdf", "Fire evacuation plan.pdf", "Welcome pack.docx"])
            add("News", series({ "Newsletter issue \(String(40 + $0)).pdf" }))
        }
        return DocumentLibrary(
            siteURL: "https://\(host).sharepoint.com/sites/\(name)/", workload: "SharePoint", siteID: random.guid(), webID: random.guid(),
            listID: random.guid(), files: files)
    }

    /// Someone's OneDrive: a handful of personal working files.
    static func oneDrive(of person: Person, host: String, _ random: inout SeededRandom) -> DocumentLibrary {
        let names = [
            "Notes.docx", "To do.xlsx", "Expenses November 2026.xlsx", "Presentation draft.pptx", "Meeting notes.docx", "Ideas.docx",
            "Scan 2026-11-02.pdf", "Report draft v2.docx", "Figures.xlsx",
        ]
        let files = names.map { File(folder: "Documents", name: $0, uniqueID: random.guid()) }
        return DocumentLibrary(
            siteURL: "https://\(host)-my.sharepoint.com/personal/\(person.oneDriveSegment)/", workload: "OneDrive", siteID: random.guid(),
            webID: random.guid(), listID: random.guid(), files: files)
    }

    /// The site names: one per department plus the intranet.
    static let teamSiteNames = [
        "Leadership", "Finance", "HR", "Sales", "Marketing", "Operations", "Engineering", "CustomerService", "IT", "Intranet",
    ]
}
