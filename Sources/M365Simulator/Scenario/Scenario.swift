import BreakwaterModel

/// A realistic, deterministic month of one small company's Microsoft 365 tenant, with a
/// business email compromise inside it: the dataset `breakwater investigate` is judged on,
/// and the demo's and benchmarks' data.
///
/// About forty staff work from a Leeds office, from home and on their phones; a few travel
/// abroad, route their laptops through Zscaler, file newsletters with inbox rules or share
/// with clients; a backup service downloads hundreds of files every night. Every record
/// follows Microsoft's schemas (contract §3, §5.1), addresses come from the real networks
/// those people would use, and every interactive sign-in is in both the audit log and the
/// Graph sign-in log. ``truth`` says what really happened.
///
/// ```swift
/// let scenario = Scenario(ScenarioConfiguration(seed: 2026))
/// try scenario.forEachRecord { record in … }          // streamed, a day at a time
/// let dataset = scenario.dataset()                     // or all in memory
/// try ScenarioWriter.write(scenario, to: "out")        // or straight to files
/// ```
public struct Scenario: Sendable {
    public let configuration: ScenarioConfiguration
    /// What happens in the month, known before any record is generated.
    public let truth: ScenarioTruth
    private let company: Company
    private let attack: BusinessEmailCompromise?
    private let backup: BackupJob
    /// Midnight UTC of day 0.
    private let start: Int64
    private let days: Int

    public init(_ configuration: ScenarioConfiguration) {
        var normalized = configuration
        normalized.days = max(1, configuration.days)
        normalized.scale = max(1, configuration.scale)
        let milliseconds = configuration.start.millisecondsSince1970
        normalized.start = Timestamp(
            millisecondsSince1970: milliseconds - ((milliseconds % TimeText.millisecondsPerDay) + TimeText.millisecondsPerDay)
                % TimeText.millisecondsPerDay)
        self.configuration = normalized
        start = normalized.start.millisecondsSince1970
        days = normalized.days
        company = Company(normalized)
        backup = BackupJob(company: company, seed: normalized.seed)
        if normalized.includeAttack {
            let day = Self.attackDay(start: start, days: days)
            attack = BusinessEmailCompromise(
                company: company, day: day, dayStart: start + Int64(day) * TimeText.millisecondsPerDay, seed: normalized.seed)
        } else {
            attack = nil
        }
        truth = Self.truth(normalized, company: company, attack: attack)
    }

    /// The attack day: the first Monday to Thursday at or after three quarters of the month,
    /// so that the detector has a baseline before and the story has days after.
    static func attackDay(start: Int64, days: Int) -> Int {
        var day = days * 3 / 4
        while day < days - 1, !(1...4).contains(TimeText.weekday(start + Int64(day) * TimeText.millisecondsPerDay)) {
            day += 1
        }
        return min(day, days - 1)
    }

    /// Calls `body` with every record of both logs in time order, generating one day at a
    /// time: memory stays at about a day's records whatever the scale.
    public func forEachRecord(_ body: (ScenarioRecord) throws -> Void) rethrows {
        var states = company.people.map { PersonState(person: $0, start: start, seed: configuration.seed) }
        var buffer = RecordBuffer()
        let end = start + Int64(days) * TimeText.millisecondsPerDay
        let maintenance = ExchangeMaintenance(company: company)
        for day in 0..<days {
            let dayStart = start + Int64(day) * TimeText.millisecondsPerDay
            let attackToday = attack.flatMap { $0.day == day ? $0 : nil }
            for person in company.people {
                let lure = person.index == company.victim ? attackToday?.lure : nil
                var personDay = PersonDay(company: company, person: person, day: day, dayStart: dayStart, phishing: lure, seed: configuration.seed)
                personDay.run(&states[person.index], into: &buffer)
            }
            backup.run(day: day, dayStart: dayStart, scale: configuration.scale, seed: configuration.seed, into: &buffer)
            maintenance.run(day: day, dayStart: dayStart, seed: configuration.seed, into: &buffer)
            attackToday?.run(company: company, seed: configuration.seed, into: &buffer)
            for entry in buffer.takeRecords(before: min(end, dayStart + TimeText.millisecondsPerDay)) {
                try body(ScenarioRecord(feed: entry.feed, time: Timestamp(millisecondsSince1970: entry.time), json: entry.json))
            }
        }
    }

    /// The whole month in memory.
    public func dataset() -> ScenarioDataset {
        var auditRecords: [[UInt8]] = []
        var signIns: [[UInt8]] = []
        forEachRecord { record in
            switch record.feed {
            case .auditLog: auditRecords.append(record.json)
            case .signIns: signIns.append(record.json)
            }
        }
        return ScenarioDataset(auditRecords: auditRecords, signIns: signIns, truth: truth)
    }

    private static func truth(_ configuration: ScenarioConfiguration, company: Company, attack: BusinessEmailCompromise?) -> ScenarioTruth {
        let people = company.people
        let upn = { (index: Int) in people[index].userPrincipalName }
        let dayStart = { (day: Int) in
            Timestamp(millisecondsSince1970: configuration.start.millisecondsSince1970 + Int64(day) * TimeText.millisecondsPerDay)
        }
        let attackTruth = attack.map { attack in
            let victim = people[company.victim]
            return ScenarioTruth.Attack(
                victim: victim.userPrincipalName, victimDisplayName: victim.displayName, phishingSubject: attack.lure.subject,
                phishingURL: attack.lure.url, attackerAddresses: [attack.proxy.address, attack.replay.address], proxyAddress: attack.proxy.address,
                replayAddress: attack.replay.address, attackerSessionID: attack.sessionID, ruleName: attack.ruleName, ruleFolder: attack.ruleFolder,
                ruleKeywords: attack.ruleKeywords, payrollSubject: attack.payrollSubject, payrollRecipient: upn(company.paymentsApprover),
                downloadedFiles: attack.downloadedFiles.map { attack.financeSite.url(of: $0) },
                anonymousLinkFile: attack.financeSite.url(of: attack.anonymousLinkFile), teamsJoined: attack.teamsJoined,
                timeline: attack.steps.map { ScenarioTruth.Step(time: Timestamp(millisecondsSince1970: $0.time), description: $0.description) })
        }
        let travellers = company.travellers.map { index in
            ScenarioTruth.Traveller(
                userPrincipalName: upn(index),
                trips: people[index].trips.filter { $0.departureDay < configuration.days }.map {
                    ScenarioTruth.Trip(
                        city: $0.destination.place.city, country: $0.destination.place.country, departure: dayStart($0.departureDay),
                        returning: dayStart($0.returnDay))
                })
        }
        let filingRules = company.filingRuleUsers.flatMap { index in
            company.plannedActions[index].compactMap { action -> ScenarioTruth.FilingRule? in
                guard case .filingRule(let rule) = action.kind, action.day < configuration.days else { return nil }
                return ScenarioTruth.FilingRule(userPrincipalName: upn(index), ruleName: rule.name, folder: rule.folder)
            }
        }
        let officeBlock = Network.office.blocks[0]
        return ScenarioTruth(
            seed: configuration.seed, start: configuration.start, days: configuration.days, scale: configuration.scale, tenant: company.tenant,
            domain: company.domain, staffCount: people.count,
            officeAddresses: officeBlock.fourth.map { "\(officeBlock.first).\(officeBlock.second.lowerBound).\(officeBlock.third.lowerBound).\($0)" },
            attack: attackTruth, travellers: travellers, proxyUsers: company.proxyUsers.map(upn), filingRules: filingRules,
            backupAccount: company.backupAccount.userPrincipalName, backupAddress: company.backupAccount.homeAddress,
            itAdministrator: upn(company.itAdministrator), executiveAssistant: upn(company.executiveAssistant),
            chiefExecutive: upn(company.chiefExecutive), reportsReader: upn(company.reportsReader), clientSharers: company.clientSharers.map(upn),
            brochurePublishers: company.brochurePublishers.map(upn))
    }
}
