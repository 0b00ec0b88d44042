/// The nightly backup: a Linux server at Hetzner runs rclone as `svc-backup`, redeems its
/// refresh token (a non-interactive sign-in, excluded from the MFA policy) and downloads a
/// few hundred changed files from the team sites and OneDrives in 10–20 minutes.
///
/// A data-centre address, a command-line user agent and hundreds of downloads every night:
/// everything a detector would flag in a person, and entirely ordinary for this account.
struct BackupJob {
    let company: Company
    /// The rclone remote's long-lived Entra session.
    let sessionID: String

    init(company: Company, seed: UInt64) {
        self.company = company
        var random = SeededRandom(seed: seed, stream: 5)
        sessionID = random.guid()
    }

    func run(day: Int, dayStart: Int64, scale: Int, seed: UInt64, into buffer: inout RecordBuffer) {
        var random = SeededRandom(seed: seed, stream: 6, UInt64(day))
        let encoder = RecordEncoder(company: company)
        let account = company.backupAccount
        let server = Device(kind: .linuxServer, id: "", name: "", browserAgent: "rclone/v1.68.1", trust: nil, isCompliant: false)
        let connection = Connection(
            person: account, device: server, network: account.homeNetwork, address: account.homeAddress, place: account.homePlace,
            session: sessionID, token: random.characters(22), mailboxSession: "", userAgent: "rclone/v1.68.1")
        let start = dayStart + TimeText.millisecondsPerHour + random.milliseconds(in: 0..<2_400_000)
        SignInFlow(encoder: encoder).record(
            connection, .rclone, .refreshToken, at: start, isInteractive: false, requiresMFA: false, into: &buffer, &random)

        var files: [(DocumentLibrary, DocumentLibrary.File)] = []
        for library in company.teamSites + company.oneDrives {
            for file in library.files { files.append((library, file)) }
        }
        let count = min(files.count, random.integer(in: 250...400) * max(1, scale))
        let duration = random.milliseconds(in: 600_000..<1_200_000)
        // A partial shuffle picks `count` different files.
        for index in 0..<count {
            let other = index + Int(random.next() % UInt64(files.count - index))
            files.swapAt(index, other)
            let time = start + 5_000 + duration * Int64(index) / Int64(count) + random.milliseconds(in: 0..<2_000)
            let access = RecordEncoder.FileAccess(connection: connection, client: .rclone, library: files[index].0, file: files[index].1, time: time)
            buffer.add(.auditLog, at: time, encoder.fileOperation(access, operation: "FileDownloaded", &random))
        }
    }
}
