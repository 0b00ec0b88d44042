public import BreakwaterModel

/// Builds the events of a detector example: records in the documented audit-log shapes
/// (contract §3), acted from ``ExamplePlace``s at times on an example calendar.
///
/// Days count from 1 October 2026 (a Thursday), so `at(day: 9, "10:15")` is 10 October at
/// 10:15 UTC. Every record gets a distinct id in order.
///
/// ```swift
/// var timeline = ExampleTimeline()
/// timeline.habits("megan.bowen@contoso.com", from: .homeGB, days: 10)
/// timeline.at(day: 10, "09:00")
/// timeline.signIn("megan.bowen@contoso.com", from: .hostingUS)
/// ```
public struct ExampleTimeline: Sendable {
    /// The example tenant (Contoso).
    public static let tenant = TenantID("9f1c7b2e-4a8d-4c3f-b5e6-2d7a8c9e0f11")!
    /// The example calendar's day 0.
    public static let start = Timestamp(iso8601: "2026-10-01T00:00:00Z")!

    public private(set) var events: [Event] = []
    /// The time the next record gets, in milliseconds since 1970.
    public private(set) var clock: Int64 = ExampleTimeline.start.millisecondsSince1970
    private var sequence = 0

    public init() {}

    // MARK: - Time

    /// Moves the clock to `time` (`HH:mm` or `HH:mm:ss`, UTC) on `day`.
    public mutating func at(day: Int, _ time: String) {
        let parts = time.split(separator: ":").compactMap { Int64($0) }
        let seconds = (parts.first ?? 0) * 3600 + (parts.count > 1 ? parts[1] * 60 : 0) + (parts.count > 2 ? parts[2] : 0)
        clock = Self.start.millisecondsSince1970 + Int64(day) * 86_400_000 + seconds * 1000
    }

    /// Moves the clock forward.
    public mutating func advance(minutes: Double = 0, seconds: Double = 0) {
        clock += Int64((minutes * 60 + seconds) * 1000)
    }

    // MARK: - Habits

    /// A user's ordinary working days: a morning sign-in from `place`, mail read and a few
    /// files opened, on each of `days` days starting at `firstDay` — enough history for the
    /// learning period to end with a baseline.
    public mutating func habits(
        _ user: String, from place: ExamplePlace, days: Int, firstDay: Int = 0, agent: String = ExampleAgents.edgeWindows
    ) {
        let saved = clock
        for day in firstDay..<(firstDay + days) {
            at(day: day, "08:5\(sequence % 10)")
            signIn(user, from: place, agent: agent, session: "session-\(user.prefix(5))-\(day)")
            advance(minutes: 3)
            mailAccessed(user, from: place, items: 4)
            advance(minutes: 40)
            fileAccessed(user, from: place, file: "/sites/Team/Shared Documents/Notes \(day % 3).docx")
        }
        clock = max(clock, saved)
    }

    // MARK: - Sign-ins

    /// How a sign-in ended, by its AADSTS code.
    public enum SignInResult: Sendable {
        case success
        /// AADSTS 50126: wrong user name or password.
        case wrongPassword
        /// AADSTS 500121: the second factor was denied or timed out.
        case mfaDenied
        /// AADSTS 50074: strong authentication required (a prompt).
        case mfaRequired

        var errorNumber: Int {
            switch self {
            case .success: 0
            case .wrongPassword: 50126
            case .mfaDenied: 500121
            case .mfaRequired: 50074
            }
        }
    }

    /// A sign-in as the audit log records it (`UserLoggedIn`/`UserLoginFailed`, RecordType 15).
    public mutating func signIn(
        _ user: String, from place: ExamplePlace, agent: String = ExampleAgents.edgeWindows, result: SignInResult = .success,
        session: String? = nil
    ) {
        let failed = result != .success
        var fields: [(String, JSONValue)] = [
            ("ErrorNumber", .string(String(result.errorNumber))),
            ("ActorIpAddress", .string(place.address.description)),
            ("ApplicationId", "00000002-0000-0ff1-ce00-000000000000"),
            (
                "ExtendedProperties",
                [
                    ["Name": "UserAgent", "Value": .string(agent)], ["Name": "RequestType", "Value": "OAuth2:Authorize"],
                    ["Name": "ResultStatusDetail", "Value": failed ? "UserError" : "Redirect"],
                ]
            ),
            ("DeviceProperties", [["Name": "OS", "Value": "Windows10"], ["Name": "SessionId", "Value": .string(session ?? "")]]),
        ]
        if failed { fields.append(("LogonError", result == .wrongPassword ? "InvalidUserNameOrPassword" : "UserStrongAuthClientAuthNRequired")) }
        append(
            operation: failed ? "UserLoginFailed" : "UserLoggedIn", recordType: 15, workload: "AzureActiveDirectory", user: user,
            place: place, result: failed ? "Failed" : "Success", fields: fields)
    }

    /// A sign-in as Microsoft Graph's beta `signIns` reports it, with its session, its
    /// location and how MFA was satisfied.
    public mutating func graphSignIn(
        _ user: String, from place: ExamplePlace, agent: String = ExampleAgents.edgeWindows, result: SignInResult = .success,
        session: String, mfaByTokenClaim: Bool = false, clientApp: String = "Browser"
    ) {
        sequence += 1
        let detail = mfaByTokenClaim ? "MFA requirement satisfied by claim in the token" : "MFA successfully completed"
        let record: JSONValue = [
            "id": .string(recordID), "createdDateTime": .string(Timestamp(millisecondsSince1970: clock).iso8601),
            "userPrincipalName": .string(user), "appDisplayName": "Office 365 Exchange Online", "ipAddress": .string(place.address.description),
            "clientAppUsed": .string(clientApp), "userAgent": .string(agent),
            "status": ["errorCode": .number(String(result.errorNumber)), "failureReason": result == .success ? .null : "Invalid username or password"],
            "location": ["countryOrRegion": place.network.countryCode.map { JSONValue.string($0) } ?? .null],
            "sessionId": .string(session), "uniqueTokenIdentifier": .string("token-\(sequence)"),
            "authenticationRequirement": "multiFactorAuthentication",
            "authenticationDetails": [
                ["authenticationMethod": "Password", "succeeded": true, "authenticationStepResultDetail": "Correct password"],
                ["authenticationMethod": "Previously satisfied", "succeeded": true, "authenticationStepResultDetail": .string(detail)],
            ],
        ]
        let parsed = try! AuditRecord(graphSignInJSON: Array(record.jsonText.utf8))
        add(parsed, place: place)
        clock += 1000
    }

    // MARK: - Exchange

    /// An Exchange admin cmdlet (RecordType 1): `New-InboxRule`, `Set-Mailbox`, `Add-MailboxPermission` …
    public mutating func cmdlet(
        _ operation: String, by user: String, from place: ExamplePlace, parameters: KeyValuePairs<String, String>, objectID: String? = nil,
        session: String? = nil
    ) {
        var fields: [(String, JSONValue)] = [
            ("ObjectId", .string(objectID ?? user)),
            ("Parameters", .array(parameters.map { ["Name": .string($0.key), "Value": .string($0.value)] })),
        ]
        if let session { fields.append(("AppAccessContext", ["AADSessionId": .string(session)])) }
        append(operation: operation, recordType: 1, workload: "Exchange", user: user, place: place, result: "True", fields: fields)
    }

    /// A mailbox action (RecordType 2 or 50) with the mailbox fields: `ClientIPAddress`,
    /// `ClientInfoString`, `MailboxOwnerUPN`, the session.
    public mutating func mailboxAction(
        _ operation: String, by user: String, from place: ExamplePlace, recordType: Int = 2, session: String? = nil,
        agent: String = "Client=OWA;" + ExampleAgents.edgeWindows, fields extra: [(String, JSONValue)] = []
    ) {
        var fields: [(String, JSONValue)] = [
            ("ClientIPAddress", .string(place.address.description)), ("ClientInfoString", .string(agent)),
            ("MailboxOwnerUPN", .string(user)), ("LogonType", 0),
        ]
        if let session {
            fields.append(("SessionId", .string("mailbox-\(session)")))
            fields.append(("AppAccessContext", ["AADSessionId": .string(session), "UniqueTokenId": .string("token-\(session)")]))
        }
        append(operation: operation, recordType: recordType, workload: "Exchange", user: user, place: place, result: "Succeeded", fields: fields + extra)
    }

    /// `MailItemsAccessed` for `items` messages.
    public mutating func mailAccessed(_ user: String, from place: ExamplePlace, items: Int = 1, session: String? = nil) {
        mailboxAction(
            "MailItemsAccessed", by: user, from: place, recordType: 50, session: session,
            fields: [("OperationProperties", [["Name": "MailAccessType", "Value": "Bind"]]), ("OperationCount", .number(String(items)))])
    }

    /// `Send` of a message with `subject`.
    public mutating func send(_ user: String, from place: ExamplePlace, subject: String, to recipient: String = "payroll@contoso.com", session: String? = nil) {
        mailboxAction(
            "Send", by: user, from: place, session: session,
            fields: [("Item", ["Subject": .string(subject), "InternetMessageId": .string("<\(recordID)@contoso.com>")]), ("Recipients", [.string(recipient)])])
    }

    // MARK: - SharePoint and OneDrive

    /// A file operation (RecordType 6): `FileAccessed`, `FileDownloaded`, `FileDeleted` …
    public mutating func fileOperation(
        _ operation: String, by user: String, from place: ExamplePlace, file: String, agent: String = ExampleAgents.edgeWindows,
        fields extra: [(String, JSONValue)] = []
    ) {
        let name = String(file.split(separator: "/").last ?? "")
        let fields: [(String, JSONValue)] = [
            ("ObjectId", .string("https://contoso.sharepoint.com" + file)), ("SourceFileName", .string(name)),
            ("SiteUrl", "https://contoso.sharepoint.com/sites/Team/"), ("UserAgent", .string(agent)), ("ItemType", "File"),
            ("EventSource", "SharePoint"),
        ]
        append(operation: operation, recordType: 6, workload: "SharePoint", user: user, place: place, result: nil, fields: fields + extra)
    }

    /// `FileAccessed`.
    public mutating func fileAccessed(_ user: String, from place: ExamplePlace, file: String) {
        fileOperation("FileAccessed", by: user, from: place, file: file)
    }

    /// A sharing operation (RecordType 14): `SharingInvitationCreated`, `AnonymousLinkCreated` …
    public mutating func sharing(
        _ operation: String, by user: String, from place: ExamplePlace, file: String, target: String? = nil, targetType: String = "Guest"
    ) {
        var fields: [(String, JSONValue)] = [
            ("ObjectId", .string("https://contoso.sharepoint.com" + file)),
            ("SourceFileName", .string(String(file.split(separator: "/").last ?? ""))), ("ItemType", "File"),
        ]
        if let target {
            fields.append(("TargetUserOrGroupName", .string(target)))
            fields.append(("TargetUserOrGroupType", .string(targetType)))
        }
        append(operation: operation, recordType: 14, workload: "SharePoint", user: user, place: place, result: nil, fields: fields)
    }

    // MARK: - Teams and Entra

    /// `MemberAdded` to `team` (RecordType 25): `members` joined, `user` acting.
    public mutating func teamMemberAdded(_ team: String, by user: String, from place: ExamplePlace?, members: [String]) {
        let fields: [(String, JSONValue)] = [
            ("TeamName", .string(team)),
            ("Members", .array(members.map { ["UPN": .string($0), "Role": 1, "DisplayName": .string($0)] })),
        ]
        append(operation: "MemberAdded", recordType: 25, workload: "MicrosoftTeams", user: user, place: place, result: nil, fields: fields)
    }

    /// A directory change (RecordType 8): `Consent to application.`, `Add member to role.` …
    public mutating func directoryChange(
        _ operation: String, by user: String, from place: ExamplePlace?, target: String,
        modified: [(name: String, new: String, old: String)] = [], fields extra: [(String, JSONValue)] = []
    ) {
        var fields: [(String, JSONValue)] = [("ObjectId", .string(target)), ("Target", [["ID": .string(target), "Type": 5]])]
        if !modified.isEmpty {
            fields.append(("ModifiedProperties", .array(modified.map { ["Name": .string($0.name), "NewValue": .string($0.new), "OldValue": .string($0.old)] })))
        }
        append(operation: operation, recordType: 8, workload: "AzureActiveDirectory", user: user, place: place, result: "Success", fields: fields + extra)
    }

    // MARK: - Records

    /// Any unified audit log record: the common schema fields plus `fields`.
    public mutating func append(
        operation: String, recordType: Int, workload: String, user: String, place: ExamplePlace?, result: String?, fields: [(String, JSONValue)]
    ) {
        sequence += 1
        var members: [(String, JSONValue)] = [
            ("CreationTime", .string(String(Timestamp(millisecondsSince1970: clock).iso8601.prefix(19)))),
            ("Id", .string(recordID)), ("Operation", .string(operation)), ("OrganizationId", .string(Self.tenant.description)),
            ("RecordType", .number(String(recordType))), ("UserKey", .string(String(Alert.makeID(user).prefix(16)).uppercased())),
            ("UserType", 0), ("Version", 1), ("Workload", .string(workload)), ("UserId", .string(user)),
        ]
        if let result { members.append(("ResultStatus", .string(result))) }
        if let place { members.append(("ClientIP", .string(place.address.description))) }
        members += fields
        let text = JSONValue.object(members.map { JSONValue.Member(key: $0.0, value: $0.1) }).jsonText
        let record = try! AuditRecord(unifiedAuditLogJSON: Array(text.utf8))
        add(record, place: place)
        clock += 1000
    }

    private var recordID: String {
        let digits = String(sequence)
        return "e0000000-0000-4000-8000-" + String(repeating: "0", count: 12 - digits.count) + digits
    }

    private mutating func add(_ record: AuditRecord, place: ExamplePlace?) {
        var event = Event(record: record, tenant: Self.tenant)
        if let place, event.sourceIP == place.address { event.network = place.network }
        if let userAgent = event.userAgent { event.client = ExampleAgents.facts(userAgent) }
        events.append(event)
    }
}
