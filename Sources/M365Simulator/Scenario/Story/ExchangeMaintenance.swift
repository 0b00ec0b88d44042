/// Exchange Online's own housekeeping: a few `Set-Mailbox` calls a night by the service
/// host applying retention policy, the system noise every tenant's admin log carries.
struct ExchangeMaintenance {
    let company: Company

    func run(day: Int, dayStart: Int64, seed: UInt64, into buffer: inout RecordBuffer) {
        var random = SeededRandom(seed: seed, stream: 7, UInt64(day))
        let encoder = RecordEncoder(company: company)
        for _ in 0..<random.count(averaging: 1.5 * Double(max(1, company.people.count / 40))) {
            let time = dayStart + 2 * TimeText.millisecondsPerHour + random.milliseconds(in: 0..<(4 * TimeText.millisecondsPerHour))
            buffer.add(.auditLog, at: time, encoder.systemSetMailbox(random.pick(company.people), time: time, &random))
        }
    }
}
