/// One person's day of work, written as records: sign-ins, mail read, sent and deleted,
/// files opened and saved, Teams started, and any one-off action planned for the day.
///
/// Everything comes from the person's own random stream for the day, so nobody's day
/// depends on anybody else's, nor on whether the attack is included.
struct PersonDay {
    let company: Company
    let encoder: RecordEncoder
    let person: Person
    let day: Int
    let dayStart: Int64
    /// When the victim opens the phishing mail and clicks, on the attack day.
    let phishing: BusinessEmailCompromise.Lure?
    var random: SeededRandom

    private var flow: SignInFlow { SignInFlow(encoder: encoder) }
    /// The person's working set of files today: most opens and saves go to a few files.
    private var workingSet: [(library: DocumentLibrary, file: DocumentLibrary.File)] = []
    private var laptopUsedToday = false
    private var signedInAbroad = false
    private var officeAddress = ""
    private var laptopMailboxSession = ""
    private var phoneMailboxSession = ""

    init(company: Company, person: Person, day: Int, dayStart: Int64, phishing: BusinessEmailCompromise.Lure?, seed: UInt64) {
        self.company = company
        encoder = RecordEncoder(company: company)
        self.person = person
        self.day = day
        self.dayStart = dayStart
        self.phishing = phishing
        random = SeededRandom(seed: seed, stream: 2, UInt64(person.index), UInt64(day))
    }

    mutating func run(_ state: inout PersonState, into buffer: inout RecordBuffer) {
        let schedule = DaySchedule(person: person, day: day, dayStart: dayStart, &random)
        officeAddress = Network.office.address(&random)
        laptopMailboxSession = random.guid()
        phoneMailboxSession = random.guid()
        chooseWorkingSet()
        state.pendingActions += company.plannedActions[person.index].filter { $0.day == day }
        for segment in schedule.segments {
            if segment.usesLaptop {
                useLaptop(segment, &state, into: &buffer)
            }
            for _ in 0..<segment.phoneUses {
                let margin = (segment.end - segment.start) / 10
                var earliest = segment.start + margin
                if case .commute = segment.location { earliest = segment.start + (segment.end - segment.start) / 2 }
                let time = random.milliseconds(in: earliest..<max(earliest + 1, segment.end - margin))
                usePhone(segment, at: time, &state, into: &buffer)
            }
        }
    }

    // MARK: - Laptop

    private mutating func useLaptop(_ segment: DaySchedule.Segment, _ state: inout PersonState, into buffer: inout RecordBuffer) {
        for (start, end, network) in laptopNetworks(segment) {
            let firstToday = !laptopUsedToday
            laptopUsedToday = true
            var connection = laptopConnection(segment.location, network: network)
            let signInTime = start + random.milliseconds(in: 20_000..<max(20_001, min(240_000, (end - start) / 2)))
            let lifetime = TimeText.millisecondsPerDay * Int64(4 + random.integer(in: 0...3))
            var session = state.laptopSession
            let arrivingAbroad = isAway(segment.location) && day == person.trip(on: day)?.departureDay && !signedInAbroad
            if arrivingAbroad {
                // The first sign-in abroad asks for MFA again (a sign-in frequency policy
                // for unfamiliar locations).
                session = nil
                signedInAbroad = true
            }
            let expired = (state.laptopSession?.expires ?? 0) <= signInTime
            if firstToday || arrivingAbroad || expired || random.chance(0.6) {
                let application: EntraApplication = person.laptop.kind == .macLaptop ? .officeHome : .officeDesktop
                connection.userAgent = application.isBrowser ? person.laptop.browserAgent : person.laptop.brokerAgent
                connection = flow.signIn(connection, to: application, at: signInTime, session: &session, lifetime: lifetime, into: &buffer, &random)
                state.laptopSession = session
            } else {
                connection.session = state.laptopSession?.id ?? ""
                connection.token = random.characters(22)
            }
            var time = signInTime + random.milliseconds(in: 5_000..<40_000)
            if firstToday {
                if random.chance(0.75) {
                    var teams = connection
                    teams.userAgent = person.laptop.brokerAgent
                    flow.record(teams, .teams, .tokenClaim, at: time, into: &buffer, &random)
                    buffer.add(.auditLog, at: time + 4_000, encoder.teamsSessionStarted(teams, time: time + 4_000, &random))
                }
                for folder in ["Inbox", "Sent Items", "Drafts", "Archive"].prefix(random.integer(in: 2...4)) {
                    time += random.milliseconds(in: 1_000..<8_000)
                    buffer.add(
                        .auditLog, at: time,
                        encoder.mailItemsAccessed(mailAccess(connection, at: time), folder: folder, sync: true, items: 0, &random))
                }
                if random.chance(0.5) {
                    let browserTime = random.milliseconds(in: time..<max(time + 1, end))
                    var browser = connection
                    browser.userAgent = person.laptop.browserAgent
                    let application: EntraApplication = random.chance(0.5) ? .officeHome : .sharePointWeb
                    flow.record(browser, application, .tokenClaim, at: browserTime, into: &buffer, &random)
                }
            }
            work(connection, from: time, to: end, intensity: segment.intensity, into: &buffer)
            performPlannedActions(connection, from: time, to: end, &state, into: &buffer)
            if let phishing, phishing.openTime >= start, phishing.openTime < end {
                openPhishing(phishing, connection, into: &buffer)
            }
        }
    }

    /// The laptop's route to the Internet over a stretch: one network, or for people who
    /// switch the security service edge on and off, blocks of home broadband and Zscaler.
    private mutating func laptopNetworks(_ segment: DaySchedule.Segment) -> [(Int64, Int64, Network)] {
        switch segment.location {
        case .office:
            return [(segment.start, segment.end, person.proxyHabit == .always ? .zscaler : .office)]
        case .away(let destination):
            return [(segment.start, segment.end, destination.broadband)]
        case .home, .commute, .out:
            switch person.proxyHabit {
            case .always: return [(segment.start, segment.end, .zscaler)]
            case .never: return [(segment.start, segment.end, person.homeNetwork)]
            case .often:
                var blocks: [(Int64, Int64, Network)] = []
                var start = segment.start
                var onProxy = random.chance(0.3)
                while start < segment.end {
                    // Often only minutes on one before switching (VPN reconnects, split tunnels).
                    let length = random.milliseconds(in: (onProxy ? 900_000 : 180_000)..<(onProxy ? 5_400_000 : 1_800_000))
                    let end = min(segment.end, start + length)
                    blocks.append((start, end, onProxy ? .zscaler : person.homeNetwork))
                    start = end
                    onProxy.toggle()
                }
                return blocks
            }
        }
    }

    private mutating func laptopConnection(_ location: DaySchedule.Location, network: Network) -> Connection {
        let (address, place): (String, Place)
        switch network.kind {
        case .office: (address, place) = (officeAddress, .leeds)
        case .corporateProxy: (address, place) = (network.address(&random), .chicago)
        default:
            if case .away(let destination) = location {
                (address, place) = (hotelAddress(destination), destination.place)
            } else {
                (address, place) = (person.homeAddress, person.homePlace)
            }
        }
        return Connection(
            person: person, device: person.laptop, network: network, address: address, place: place, session: "", token: "",
            mailboxSession: laptopMailboxSession, userAgent: person.laptop.browserAgent)
    }

    /// The trip's hotel line: the same address for the whole trip.
    private func hotelAddress(_ destination: Trip.Destination) -> String {
        let trip = person.trip(on: day)?.departureDay ?? day
        var random = SeededRandom(seed: StableHash.of(person.objectID, destination.place.city, String(trip)))
        return destination.broadband.address(&random)
    }

    /// Mail, files and Teams from the laptop over `[from, to)`.
    private mutating func work(_ connection: Connection, from: Int64, to: Int64, intensity: Double, into buffer: inout RecordBuffer) {
        guard to > from else { return }
        let hours = Double(to - from) / Double(TimeText.millisecondsPerHour)
        let level = person.activity * intensity * hours
        let mail = level * person.department.mailWeight
        let files = level * person.department.fileWeight
        for _ in 0..<random.count(averaging: 3.2 * mail) {
            let time = random.milliseconds(in: from..<to)
            let access = mailAccess(connection, at: time, web: random.chance(0.12))
            buffer.add(
                .auditLog, at: time, encoder.mailItemsAccessed(access, folder: randomFolder(), sync: false, items: random.integer(in: 1...6), &random)
            )
        }
        for _ in 0..<random.count(averaging: 0.3 * mail) {
            let time = random.milliseconds(in: from..<to)
            buffer.add(
                .auditLog, at: time,
                encoder.mailItemsAccessed(mailAccess(connection, at: time), folder: randomFolder(), sync: true, items: 0, &random))
        }
        for _ in 0..<random.count(averaging: 1.1 * mail) {
            let time = random.milliseconds(in: from..<to)
            buffer.add(
                .auditLog, at: time,
                encoder.send(
                    mailAccess(connection, at: time, web: random.chance(0.1)), subject: subject(), hasAttachment: random.chance(0.2), &random))
        }
        for _ in 0..<random.count(averaging: 0.35 * mail) {
            let time = random.milliseconds(in: from..<to)
            let subjects = (0..<random.integer(in: 1...4)).map { _ in random.pick(MailText.receivedSubjects) }
            buffer.add(.auditLog, at: time, encoder.moveToDeletedItems(mailAccess(connection, at: time), subjects: subjects, &random))
        }
        for _ in 0..<random.count(averaging: 3.4 * files) {
            let time = random.milliseconds(in: from..<to)
            fileOperation(connection, at: time, into: &buffer)
        }
        if person.index == company.executiveAssistant, day > company.delegationDay {
            let owner = company.people[company.chiefExecutive]
            for _ in 0..<random.count(averaging: 1.5 * level) {
                let time = random.milliseconds(in: from..<to)
                let access = RecordEncoder.MailboxAccess(connection: connection, client: .outlookDesktop, owner: owner, time: time)
                buffer.add(
                    .auditLog, at: time,
                    encoder.mailItemsAccessed(
                        access, folder: random.chance(0.7) ? "Inbox" : "Calendar", sync: false, items: random.integer(in: 1...4), &random))
            }
        }
    }

    private mutating func fileOperation(_ connection: Connection, at time: Int64, into buffer: inout RecordBuffer) {
        let (library, file) = random.chance(0.75) ? random.pick(workingSet) : anyFile()
        let roll = random.unit()
        let operation: String
        let client: FileClient
        switch roll {
        case ..<0.42: (operation, client) = ("FileAccessed", random.chance(0.6) ? .officeDesktop : .browser)
        case ..<0.64: (operation, client) = ("FileModified", random.chance(0.8) ? .officeDesktop : .browser)
        case ..<0.74: (operation, client) = ("FilePreviewed", .browser)
        case ..<0.82: (operation, client) = ("FileDownloaded", .browser)
        case ..<0.87: (operation, client) = ("FileUploaded", .browser)
        case ..<0.94: (operation, client) = ("FileSyncUploadedFull", .oneDriveSync)
        default: (operation, client) = ("FileSyncDownloadedFull", .oneDriveSync)
        }
        let access = RecordEncoder.FileAccess(connection: connection, client: client, library: library, file: file, time: time)
        buffer.add(.auditLog, at: time, encoder.fileOperation(access, operation: operation, &random))
    }

    // MARK: - Phone

    private mutating func usePhone(_ segment: DaySchedule.Segment, at time: Int64, _ state: inout PersonState, into buffer: inout RecordBuffer) {
        let (network, address, place) = phoneRoute(segment.location)
        var connection = Connection(
            person: person, device: person.phone, network: network, address: address, place: place, session: state.phoneSession?.id ?? "",
            token: random.characters(22), mailboxSession: phoneMailboxSession, userAgent: person.phone.browserAgent)
        let expired = (state.phoneSession?.expires ?? 0) <= time
        if expired || random.chance(0.1) {
            var session = state.phoneSession
            let lifetime = TimeText.millisecondsPerDay * Int64(10 + random.integer(in: 0...10))
            connection = flow.signIn(
                connection, to: random.chance(0.8) ? .outlookMobile : .teams, at: time, session: &session, lifetime: lifetime, into: &buffer, &random)
            state.phoneSession = session
        }
        // Outlook for iOS and Android reaches the mailbox through Microsoft's cloud.
        var viaMicrosoft = connection
        viaMicrosoft.network = .microsoft
        viaMicrosoft.address = random.pick(person.microsoftAddresses)
        var clock = time + random.milliseconds(in: 3_000..<30_000)
        for _ in 0..<random.integer(in: 1...3) {
            let access = RecordEncoder.MailboxAccess(
                connection: viaMicrosoft, client: .outlookViaMicrosoft(.outlookMobile), owner: person, time: clock)
            buffer.add(
                .auditLog, at: clock,
                encoder.mailItemsAccessed(access, folder: "Inbox", sync: random.chance(0.2), items: random.integer(in: 1...4), &random))
            clock += random.milliseconds(in: 20_000..<180_000)
        }
        if random.chance(0.2 * person.department.mailWeight) {
            let access = RecordEncoder.MailboxAccess(
                connection: viaMicrosoft, client: .outlookViaMicrosoft(.outlookMobile), owner: person, time: clock)
            buffer.add(.auditLog, at: clock, encoder.send(access, subject: subject(), hasAttachment: false, &random))
        }
        if random.chance(0.15) {
            clock += random.milliseconds(in: 10_000..<60_000)
            buffer.add(.auditLog, at: clock, encoder.teamsSessionStarted(connection, time: clock, &random))
        }
        if random.chance(0.08) {
            clock += random.milliseconds(in: 10_000..<60_000)
            let (library, file) = random.pick(workingSet)
            let access = RecordEncoder.FileAccess(connection: connection, client: .browser, library: library, file: file, time: clock)
            buffer.add(.auditLog, at: clock, encoder.fileOperation(access, operation: "FilePreviewed", &random))
        }
    }

    /// Wi-Fi or the mobile network, depending on where the phone is.
    private mutating func phoneRoute(_ location: DaySchedule.Location) -> (Network, String, Place) {
        let mobile = (person.mobileNetwork, person.mobileNetwork.address(&random))
        switch location {
        case .home:
            return random.chance(0.8) ? (person.homeNetwork, person.homeAddress, person.homePlace) : (mobile.0, mobile.1, person.homePlace)
        case .office:
            return random.chance(0.5) ? (.office, officeAddress, .leeds) : (mobile.0, mobile.1, .leeds)
        case .commute(let place):
            return (mobile.0, mobile.1, place)
        case .out:
            return (mobile.0, mobile.1, person.homePlace)
        case .away(let destination):
            if random.chance(0.55) {
                return (destination.mobile, destination.mobile.address(&random), destination.place)
            }
            return (destination.broadband, hotelAddress(destination), destination.place)
        }
    }

    // MARK: - One-off actions

    private mutating func performPlannedActions(
        _ connection: Connection, from: Int64, to: Int64, _ state: inout PersonState, into buffer: inout RecordBuffer
    ) {
        guard !state.pendingActions.isEmpty, to - from > 30 * TimeText.millisecondsPerMinute else { return }
        for action in state.pendingActions {
            let time = random.milliseconds(in: from..<(to - 10 * TimeText.millisecondsPerMinute))
            perform(action, connection, at: time, into: &buffer)
        }
        state.pendingActions = []
    }

    private mutating func perform(_ action: PlannedAction, _ connection: Connection, at time: Int64, into buffer: inout RecordBuffer) {
        switch action.kind {
        case .filingRule(let rule):
            let parameters: [(String, String)] = [
                ("AlwaysDeleteOutlookRulesBlob", "False"), ("Force", "False"), (rule.conditionName, rule.conditionValue),
                ("MoveToFolder", rule.folder),
                ("Name", rule.name), ("MarkAsRead", rule.markAsRead ? "True" : "False"), ("StopProcessingRules", "False"),
            ]
            buffer.add(
                .auditLog, at: time,
                encoder.exchangeCmdlet(
                    connection, time: time, operation: "New-InboxRule", objectID: encoder.exchangeObject(person, child: rule.name),
                    parameters: parameters, &random))
        case .grantMailboxAccess(let owner, let delegate):
            let ownerPerson = company.people[owner]
            let parameters: [(String, String)] = [
                ("Identity", ownerPerson.userPrincipalName), ("User", company.people[delegate].userPrincipalName), ("AccessRights", "FullAccess"),
                ("InheritanceType", "All"), ("AutoMapping", "True"),
            ]
            buffer.add(
                .auditLog, at: time,
                encoder.exchangeCmdlet(
                    connection, time: time, operation: "Add-MailboxPermission", objectID: encoder.exchangeObject(ownerPerson), parameters: parameters,
                    &random))
        case .assignRole(let name, let templateID, let member):
            buffer.add(
                .auditLog, at: time,
                encoder.addMemberToRole(by: person, member: company.people[member], role: name, templateID: templateID, time: time, &random))
        case .addTeamMember(let team, let member):
            buffer.add(.auditLog, at: time, encoder.teamsMemberAdded(connection, team: team, member: company.people[member], time: time, &random))
        case .shareWithClient(let libraryIndex, let fileIndex, let recipient):
            let library = company.teamSites[libraryIndex]
            let access = RecordEncoder.FileAccess(
                connection: connection, client: .browser, library: library, file: library.files[fileIndex], time: time)
            if random.chance(0.3) {
                // Shared by inviting the contact directly rather than through a link.
                buffer.add(
                    .auditLog, at: time,
                    encoder.sharingOperation(
                        access, operation: "SharingInvitationCreated", target: recipient, targetType: "Guest", eventData: nil, &random))
                return
            }
            buffer.add(
                .auditLog, at: time,
                encoder.sharingOperation(
                    access, operation: "SecureLinkCreated", target: nil, targetType: nil, eventData: "<Type>View</Type>", &random))
            var added = access
            added.time = time + random.milliseconds(in: 1_000..<4_000)
            buffer.add(
                .auditLog, at: added.time,
                encoder.sharingOperation(added, operation: "AddedToSecureLink", target: recipient, targetType: "Guest", eventData: nil, &random))
        case .anonymousLink(let libraryIndex, let fileIndex):
            let library = company.teamSites[libraryIndex]
            let access = RecordEncoder.FileAccess(
                connection: connection, client: .browser, library: library, file: library.files[fileIndex], time: time)
            buffer.add(
                .auditLog, at: time,
                encoder.sharingOperation(
                    access, operation: "AnonymousLinkCreated", target: nil, targetType: nil, eventData: "<Type>View</Type>", &random))
        case .autoReply(let start, let end):
            let message = "Thank you for your email. I am travelling with limited access to email and will reply when I am back."
            let parameters: [(String, String)] = [
                ("Identity", person.userPrincipalName), ("AutoReplyState", "Scheduled"), ("StartTime", TimeText.purview(start)),
                ("EndTime", TimeText.purview(end)), ("InternalMessage", message), ("ExternalMessage", message), ("ExternalAudience", "All"),
            ]
            buffer.add(
                .auditLog, at: time,
                encoder.exchangeCmdlet(
                    connection, time: time, operation: "Set-MailboxAutoReplyConfiguration", objectID: encoder.exchangeObject(person),
                    parameters: parameters, &random))
        }
    }

    // MARK: - The lure

    /// Opens the phishing mail and clicks its link. Draws on a random stream of its own, so
    /// that the victim's day is otherwise the same as without the attack.
    private func openPhishing(_ lure: BusinessEmailCompromise.Lure, _ connection: Connection, into buffer: inout RecordBuffer) {
        var random = SeededRandom(seed: StableHash.of(lure.url))
        let access = RecordEncoder.MailboxAccess(
            connection: connection, client: MailClient.usual(on: connection.device), owner: person, time: lure.openTime)
        buffer.add(
            .auditLog, at: lure.openTime, encoder.mailItemAccessed(access, folder: "Inbox", internetMessageID: lure.internetMessageID, &random))
        buffer.add(.auditLog, at: lure.clickTime, encoder.urlClick(connection, url: lure.url, time: lure.clickTime, &random))
    }

    // MARK: - Helpers

    private mutating func mailAccess(_ connection: Connection, at time: Int64, web: Bool = false) -> RecordEncoder.MailboxAccess {
        if web {
            return RecordEncoder.MailboxAccess(connection: connection, client: .outlookWeb, owner: person, time: time)
        }
        let client = MailClient.usual(on: connection.device)
        guard case .outlookViaMicrosoft = client else {
            return RecordEncoder.MailboxAccess(connection: connection, client: client, owner: person, time: time)
        }
        var viaMicrosoft = connection
        viaMicrosoft.network = .microsoft
        viaMicrosoft.address = random.pick(person.microsoftAddresses)
        return RecordEncoder.MailboxAccess(connection: viaMicrosoft, client: client, owner: person, time: time)
    }

    private mutating func chooseWorkingSet() {
        let site = company.teamSite(named: person.department.siteName).library
        let oneDrive = company.oneDrives[person.index]
        workingSet = []
        for _ in 0..<random.integer(in: 2...4) { workingSet.append((site, random.pick(site.files))) }
        for _ in 0..<random.integer(in: 1...2) { workingSet.append((oneDrive, random.pick(oneDrive.files))) }
    }

    private mutating func anyFile() -> (DocumentLibrary, DocumentLibrary.File) {
        let roll = random.unit()
        let library: DocumentLibrary
        if roll < 0.45 {
            library = company.teamSite(named: person.department.siteName).library
        } else if roll < 0.75 {
            library = company.teamSite(named: "Intranet").library
        } else if roll < 0.9 {
            library = company.oneDrives[person.index]
        } else {
            library = random.pick(company.teamSites)
        }
        return (library, random.pick(library.files))
    }

    private mutating func randomFolder() -> String {
        let roll = random.unit()
        return roll < 0.78 ? "Inbox" : roll < 0.88 ? "Sent Items" : roll < 0.95 ? "Archive" : "Drafts"
    }

    private mutating func subject() -> String {
        random.pick(MailText.sentSubjects(for: person.department))
    }

    private func isAway(_ location: DaySchedule.Location) -> Bool {
        if case .away = location { return true }
        return false
    }
}
