/// The seed story: an adversary-in-the-middle phish steals the payroll clerk's session and
/// uses it to divert salaries.
///
/// On the attack day, in UK time (UTC in November):
///
/// | time | what happens |
/// |---|---|
/// | 10:09 | the victim opens a phishing mail at her desk and clicks its link (Safe Links lets it through) |
/// | 10:10 | the phishing kit's proxy at DigitalOcean signs in as her: MFA prompted, then completed through the proxy; a new session S |
/// | 10:46 | the stolen session is replayed from 45.148.10.77 (NL): "MFA requirement satisfied by claim in the token" |
/// | 10:47–11:20 | her mail is synced and read from there |
/// | 10:55 | inbox rule "." moves mail about payroll, bank details and invoices to RSS Feeds, marked read |
/// | 11:03 | "Updated bank details for payroll" goes to the finance manager |
/// | 11:11 | about forty Finance documents are downloaded in under three minutes |
/// | 11:16 | an anonymous link to Payroll 2026.xlsx |
/// | 11:23–12:05 | she is added to the Finance, Leadership and HR teams |
///
/// Meanwhile the victim keeps working from the office in her own sessions; the attacker's
/// addresses appear in no one else's records.
struct BusinessEmailCompromise: Sendable {
    /// The phishing mail the victim opens and the link she clicks.
    struct Lure: Sendable {
        var openTime: Int64
        var clickTime: Int64
        var url: String
        var internetMessageID: String
        var subject: String
    }

    /// One step of the story, for the truth file.
    struct Step: Sendable {
        var time: Int64
        var description: String
    }

    let day: Int
    let lure: Lure
    let sessionID: String
    let proxy: Connection
    let replay: Connection
    let ruleName = "."
    let ruleFolder = "RSS Feeds"
    let ruleKeywords = "payroll;bank;invoice"
    let payrollSubject = "Updated bank details for payroll"
    let teamsJoined = ["Finance", "Leadership", "HR"]
    let downloadedFiles: [DocumentLibrary.File]
    let anonymousLinkFile: DocumentLibrary.File
    let financeSite: DocumentLibrary
    /// When each step happens.
    private let signInTime: Int64
    private let replayTime: Int64
    private let ruleTime: Int64
    private let sendTime: Int64
    private let downloadStart: Int64
    private let linkTime: Int64
    private let teamTimes: [Int64]

    init(company: Company, day: Int, dayStart: Int64, seed: UInt64) {
        var random = SeededRandom(seed: seed, stream: 3)
        let victim = company.people[company.victim]
        self.day = day
        func at(_ hours: Int, _ minutes: Int, _ seconds: Int) -> Int64 {
            let local =
                dayStart + Int64(hours) * TimeText.millisecondsPerHour + Int64(minutes) * TimeText.millisecondsPerMinute + Int64(seconds) * 1000
            return local - Place.leeds.utcOffset(at: local) + random.milliseconds(in: 0..<20_000)
        }
        let host = "docs-\(company.shortName).com"
        lure = Lure(
            openTime: at(10, 9, 12), clickTime: at(10, 9, 41), url: "https://\(host)/review/payslip-november?id=\(random.characters(10))",
            internetMessageID: "<\(random.hex(24))@\(host)>", subject: "Action required: review your November payslip")
        sessionID = random.guid()
        signInTime = at(10, 10, 56)
        replayTime = at(10, 46, 31)
        ruleTime = at(10, 55, 40)
        sendTime = at(11, 3, 15)
        downloadStart = at(11, 11, 5)
        linkTime = at(11, 16, 30)
        teamTimes = [at(11, 23, 10), at(11, 41, 45), at(12, 5, 20)]

        // The proxy relays the victim's own browser; the replaying host has its own.
        let proxyDevice = Device(kind: .windowsLaptop, id: "", name: "", browserAgent: victim.laptop.browserAgent, trust: nil, isCompliant: false)
        proxy = Connection(
            person: victim, device: proxyDevice, network: .digitalOcean, address: Network.digitalOcean.address(&random), place: .northBergen,
            session: sessionID, token: random.characters(22), mailboxSession: random.guid(), userAgent: victim.laptop.browserAgent)
        let attackerAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Safari/537.36"
        let replayDevice = Device(kind: .windowsLaptop, id: "", name: "", browserAgent: attackerAgent, trust: nil, isCompliant: false)
        replay = Connection(
            person: victim, device: replayDevice, network: .replayHost, address: Network.replayHost.address(&random), place: .amsterdam,
            session: sessionID, token: random.characters(22), mailboxSession: random.guid(), userAgent: attackerAgent)

        let finance = company.teamSite(named: "Finance").library
        financeSite = finance
        downloadedFiles = Array(finance.files.prefix(40))
        anonymousLinkFile = finance.files.first { $0.name == "Payroll 2026.xlsx" } ?? finance.files[0]
    }

    /// The story in order, for the truth file.
    var steps: [Step] {
        [
            Step(time: lure.openTime, description: "The victim opens the phishing mail \"\(lure.subject)\" in Outlook at the office"),
            Step(time: lure.clickTime, description: "She clicks its link to \(lure.url); Safe Links allows the click"),
            Step(time: signInTime - 20_000, description: "The phishing proxy at \(proxy.address) relays her password; Entra asks for MFA (50074)"),
            Step(time: signInTime, description: "MFA completed through the proxy: sign-in from \(proxy.address) with session \(sessionID)"),
            Step(time: replayTime, description: "The stolen session is replayed from \(replay.address): MFA satisfied by claim in the token"),
            Step(time: replayTime + 45_000, description: "Her mailbox is synced and read from \(replay.address) (MailItemsAccessed)"),
            Step(
                time: ruleTime,
                description: "Inbox rule \"\(ruleName)\" moves mail with \(ruleKeywords) to \(ruleFolder), marks it read, stops processing"),
            Step(time: sendTime, description: "\"\(payrollSubject)\" is sent to the finance manager"),
            Step(time: downloadStart, description: "\(downloadedFiles.count) files are downloaded from the Finance site in under three minutes"),
            Step(time: linkTime, description: "An anonymous link is created to \(anonymousLinkFile.name)"),
            Step(time: teamTimes[0], description: "She is added to the \(teamsJoined[0]) team"),
            Step(time: teamTimes[1], description: "She is added to the \(teamsJoined[1]) team"),
            Step(time: teamTimes[2], description: "She is added to the \(teamsJoined[2]) team"),
        ]
    }

    /// Writes the attacker's records (the victim's own click is written by her day).
    func run(company: Company, seed: UInt64, into buffer: inout RecordBuffer) {
        var random = SeededRandom(seed: seed, stream: 4)
        let encoder = RecordEncoder(company: company)
        let flow = SignInFlow(encoder: encoder)
        let victim = company.people[company.victim]

        flow.record(proxy, .officeHome, .mfaRequired, at: signInTime - 20_000, into: &buffer, &random)
        flow.record(proxy, .officeHome, .passwordAndMFA, at: signInTime, into: &buffer, &random)

        flow.record(replay, .outlookWeb, .tokenClaim, at: replayTime, into: &buffer, &random)
        var time = replayTime + 45_000
        for folder in ["Inbox", "Sent Items", "Archive", "Deleted Items"] {
            let access = RecordEncoder.MailboxAccess(connection: replay, client: .outlookWeb, owner: victim, time: time)
            buffer.add(.auditLog, at: time, encoder.mailItemsAccessed(access, folder: folder, sync: true, items: 0, &random))
            time += random.milliseconds(in: 2_000..<9_000)
        }
        for _ in 0..<14 {
            time += random.milliseconds(in: 60_000..<150_000)
            let access = RecordEncoder.MailboxAccess(connection: replay, client: .outlookWeb, owner: victim, time: time)
            let folder = random.chance(0.7) ? "Inbox" : random.chance(0.5) ? "Sent Items" : "Archive"
            buffer.add(
                .auditLog, at: time, encoder.mailItemsAccessed(access, folder: folder, sync: false, items: random.integer(in: 8...30), &random))
        }

        let parameters: [(String, String)] = [
            ("AlwaysDeleteOutlookRulesBlob", "False"), ("Force", "False"), ("SubjectOrBodyContainsWords", ruleKeywords), ("MoveToFolder", ruleFolder),
            ("Name", ruleName), ("MarkAsRead", "True"), ("StopProcessingRules", "True"),
        ]
        buffer.add(
            .auditLog, at: ruleTime,
            encoder.exchangeCmdlet(
                replay, time: ruleTime, operation: "New-InboxRule", objectID: encoder.exchangeObject(victim, child: ruleName), parameters: parameters,
                &random))

        let sent = RecordEncoder.MailboxAccess(connection: replay, client: .outlookWeb, owner: victim, time: sendTime)
        buffer.add(.auditLog, at: sendTime, encoder.send(sent, subject: payrollSubject, hasAttachment: false, &random))

        var downloadTime = downloadStart
        for file in downloadedFiles {
            let access = RecordEncoder.FileAccess(connection: replay, client: .browser, library: financeSite, file: file, time: downloadTime)
            buffer.add(.auditLog, at: downloadTime, encoder.fileOperation(access, operation: "FileDownloaded", &random))
            downloadTime += random.milliseconds(in: 1_500..<4_000)
        }

        let link = RecordEncoder.FileAccess(connection: replay, client: .browser, library: financeSite, file: anonymousLinkFile, time: linkTime)
        buffer.add(
            .auditLog, at: linkTime,
            encoder.sharingOperation(link, operation: "AnonymousLinkCreated", target: nil, targetType: nil, eventData: "<Type>Edit</Type>", &random))

        for (team, time) in zip(teamsJoined, teamTimes) {
            buffer.add(.auditLog, at: time, encoder.teamsMemberAdded(replay, team: team, member: victim, time: time, &random))
        }
    }
}
