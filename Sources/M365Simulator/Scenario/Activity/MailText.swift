/// Subjects of ordinary mail, by department.
enum MailText {
    static func sentSubjects(for department: Department) -> [String] {
        common + (specific[department] ?? [])
    }

    static let receivedSubjects = [
        "Your weekly summary", "Invitation: Team sync", "Accepted: Project review", "Lunch order", "Out of office", "Delivery confirmation",
        "Newsletter - November", "Reminder: timesheets due", "Re: Quick question", "FW: Updated figures", "Your parcel is on its way",
        "Webinar recording", "Canteen menu next week", "Car park resurfacing",
    ]

    private static let common = [
        "Re: Quick question", "Meeting notes", "Re: Catch-up on Thursday", "FW: For info", "Updated draft attached", "Re: Agenda for Monday",
        "Thanks!", "Re: Availability next week", "Holiday request", "Re: Follow-up",
    ]

    private static let specific: [Department: [String]] = [
        .leadership: ["Board pack - final", "Re: Q4 forecast", "Strategy offsite", "Re: Acquisition shortlist"],
        .finance: ["Month-end close timetable", "Re: Supplier invoice query", "Aged debtors", "VAT return Q3", "Re: Budget 2027"],
        .payroll: ["November payroll timetable", "Re: Overtime claims", "Pension contributions", "Re: Starter details", "P11D queries"],
        .humanResources: ["Interview schedule", "Re: Offer letter", "Training dates", "Re: Absence policy", "New starter next Monday"],
        .sales: ["Proposal for review", "Re: Pricing for 2027", "Follow-up from our call", "Re: Contract renewal", "Pipeline update"],
        .marketing: ["Brochure proofs", "Re: Campaign brief", "Website copy - v3", "Social posts for next week", "Re: Photo shoot"],
        .operations: ["Delivery schedule", "Re: Stock levels", "Office move - next steps", "Supplier meeting", "Re: Fleet booking"],
        .engineering: ["Release 3.4 notes", "Re: Code review", "Incident summary", "Re: Sprint planning", "Test results"],
        .customerService: ["Re: Your order", "Re: Return request", "Re: Complaint reference", "Re: Delivery query", "Re: Refund"],
        .informationTechnology: ["Laptop refresh", "Re: Password reset", "Planned maintenance Saturday", "New starter accounts", "Re: VPN access"],
    ]
}
