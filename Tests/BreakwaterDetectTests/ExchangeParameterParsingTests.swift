import BreakwaterModel
import Testing

@testable import BreakwaterDetect

/// How the Exchange detectors read recipients, mailbox grants and payment lures from cmdlet
/// parameters and mailbox records.
@Suite("Exchange parameter parsing")
struct ExchangeParameterParsingTests {
    @Test(
        "recipient lists in their many spellings",
        arguments: [
            ("smtp:Someone@Evil.Example", ["someone@evil.example"]),
            ("\"SMTP:a@b.example\"", ["a@b.example"]),
            ("a@b.example; c@d.example,e@f.example", ["a@b.example", "c@d.example", "e@f.example"]),
            ("\"Collector\" <collector@evil.example>", ["collector@evil.example"]),
            ("@{Add=\"assistant@contoso.com\"; Remove=\"old@contoso.com\"}", ["assistant@contoso.com"]),
            ("@{Remove=\"old@contoso.com\"}", []),
            ("Adele Vance", ["Adele Vance"]),
            ("$null", []),
            ("", []),
            ("''", []),
        ])
    func recipients(value: String, expected: [String]) {
        #expect(RecipientList.parse(value) == expected)
    }

    @Test(
        "payment lures and their kind",
        arguments: [
            ("Updated bank details for payroll", PaymentLures.Kind.bankDetailsChange),
            ("Change of bank account - please update your records", .bankDetailsChange),
            ("Direct deposit update", .bankDetailsChange),
            ("Neue Bankverbindung ab sofort", .bankDetailsChange),
            ("Changement de RIB", .bankDetailsChange),
            ("New IBAN for October invoices", .bankDetailsChange),
            ("RE: Invoice INV-20931 overdue", .payment),
            ("Wire transfer needed today", .payment),
            ("Gift cards for the team", .payment),
            ("W-2 forms for all staff", .payment),
            ("Rechnung 4471", .payment),
            ("Direct deposit", .payment),
        ])
    func lures(subject: String, kind: PaymentLures.Kind) {
        #expect(PaymentLures.match(subject)?.kind == kind)
    }

    @Test(
        "ordinary subjects are no lure",
        arguments: [
            "Lunch on Friday?", "Newsletter renewal", "Exchange migration plan", "Ribbon cutting ceremony", "Attached: the agenda",
            "New starter next week",
            "",
        ])
    func ordinarySubjects(subject: String) {
        #expect(PaymentLures.match(subject) == nil)
    }

    @Test("folder identities split into mailbox and folder")
    func folderIdentity() {
        #expect(MailboxGrant.split(folderIdentity: "megan.bowen@contoso.com:\\Inbox\\Invoices") == ("megan.bowen@contoso.com", "Inbox\\Invoices"))
        #expect(MailboxGrant.split(folderIdentity: "megan:\\") == ("megan", ""))
        #expect(MailboxGrant.split(folderIdentity: "megan") == ("megan", ""))
    }

    @Test("grants read from each way of granting")
    func grants() throws {
        // Given one record of each kind
        var timeline = ExampleTimeline()
        let admin = "admin@contoso.com"
        timeline.cmdlet(
            "Add-MailboxPermission", by: admin, from: .officeGB,
            parameters: ["Identity": "CEO@contoso.com", "User": "a@b.example", "AccessRights": "FullAccess"])
        timeline.cmdlet(
            "Add-RecipientPermission", by: admin, from: .officeGB,
            parameters: ["Identity": "ceo@contoso.com", "Trustee": "megan", "AccessRights": "SendAs"])
        timeline.cmdlet(
            "Add-MailboxFolderPermission", by: admin, from: .officeGB,
            parameters: ["Identity": "ceo:\\Calendar", "User": "Default", "AccessRights": "Reviewer"])
        timeline.mailboxAction(
            "UpdateFolderPermissions", by: "megan.bowen@contoso.com", from: .homeGB,
            fields: [("Item", ["ParentFolder": ["Path": "\\Inbox", "MemberUpn": "Anonymous", "MemberRights": "ReadAny, Create"]])])
        timeline.cmdlet(
            "Add-MailboxPermission", by: admin, from: .officeGB,
            parameters: ["Identity": "ceo@contoso.com", "User": "a@b.example", "AccessRights": "ReadPermission"])
        timeline.cmdlet(
            "Add-MailboxFolderPermission", by: admin, from: .officeGB,
            parameters: ["Identity": "ceo:\\Inbox", "User": "Default", "AccessRights": "AvailabilityOnly"])

        // When each is read
        let grants = timeline.events.map(MailboxGrant.init)

        // Then whole-mailbox rights, folder rights and nothing-rights come out as such
        #expect(
            grants[0] == MailboxGrant(access: .fullAccess, mailbox: "ceo@contoso.com", folder: nil, grantees: ["a@b.example"], rights: "FullAccess"))
        #expect(grants[1] == MailboxGrant(access: .sendAs, mailbox: "ceo@contoso.com", folder: nil, grantees: ["megan"], rights: "SendAs"))
        let calendar = try #require(grants[2])
        #expect(calendar.folder == "Calendar" && !calendar.reachesMail)
        let inbox = try #require(grants[3])
        #expect(
            inbox
                == MailboxGrant(
                    access: .folder, mailbox: "megan.bowen@contoso.com", folder: "Inbox", grantees: ["Anonymous"], rights: "ReadAny, Create"))
        #expect(inbox.reachesMail)
        #expect(grants[4] == nil)
        #expect(grants[5] == nil)
    }
}
