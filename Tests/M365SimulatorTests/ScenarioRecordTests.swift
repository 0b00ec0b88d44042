import BreakwaterModel
import M365Simulator
import Testing

@Suite("Scenario records")
struct ScenarioRecordTests {
    /// What each operation the scenario writes must normalize to.
    static let expectedKinds: [String: ActionKind] = [
        "UserLoggedIn": .signInSucceeded,
        "MailItemsAccessed": .mailAccessed,
        "Send": .mailSent,
        "MoveToDeletedItems": .mailDeleted,
        "FileAccessed": .fileAccessed,
        "FilePreviewed": .fileAccessed,
        "FileModified": .fileModified,
        "FileDownloaded": .fileDownloaded,
        "FileSyncDownloadedFull": .fileDownloaded,
        "FileUploaded": .fileUploaded,
        "FileSyncUploadedFull": .fileUploaded,
        "SecureLinkCreated": .linkCreated,
        "AnonymousLinkCreated": .linkCreated,
        "AddedToSecureLink": .sharingGranted,
        "SharingInvitationCreated": .sharingGranted,
        "MemberAdded": .teamsMembershipChanged,
        "New-InboxRule": .inboxRuleCreated,
        "Add-MailboxPermission": .mailboxPermissionChanged,
        "Add member to role.": .roleChanged,
        "Set-Mailbox": .other,
        "Set-MailboxAutoReplyConfiguration": .other,
        "TeamsSessionStarted": .other,
        "TIUrlClickData": .other,
    ]

    /// Failed sign-ins by AADSTS code.
    static let failureKinds: [Int: ActionKind] = [50126: .signInFailed, 50074: .mfaChallenged, 50140: .signInFailed]

    @Test("every audit record parses and normalizes to the kind its operation means")
    func auditRecordsNormalize() {
        let data = ScenarioFixtures.monthData
        #expect(ScenarioFixtures.auditEvents.count == data.auditRecords.count)
        var unexpected: [String] = []
        for event in ScenarioFixtures.auditEvents {
            let expected =
                event.operation == "UserLoginFailed" ? Self.failureKinds[event.signInErrorCode ?? 0] : Self.expectedKinds[event.operation]
            if event.kind != expected { unexpected.append("\(event.operation) \(event.signInErrorCode ?? -1) → \(event.kind)") }
        }
        #expect(unexpected.isEmpty, "\(Set(unexpected).sorted())")
    }

    @Test("every Graph sign-in parses and normalizes by its error code")
    func signInsNormalize() {
        let data = ScenarioFixtures.monthData
        #expect(ScenarioFixtures.signInEvents.count == data.signIns.count)
        for event in ScenarioFixtures.signInEvents {
            let expected = event.signInErrorCode == 0 ? .signInSucceeded : Self.failureKinds[event.signInErrorCode ?? -1]
            #expect(event.kind == expected)
            #expect(event.record.organizationID == ScenarioFixtures.tenant)
        }
    }

    @Test("both logs are each in time order")
    func timeOrder() {
        for events in [ScenarioFixtures.auditEvents, ScenarioFixtures.signInEvents] {
            let times = events.map(\.time)
            #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 })
        }
    }

    @Test("every interactive sign-in is in both logs, with the same request id, time, address and session")
    func signInsInBothLogs() {
        let audit = ScenarioFixtures.auditEvents.filter { $0.recordType == .azureActiveDirectoryStsLogon }
        var byRequest: [String: Event] = [:]
        for event in audit {
            if let request = event.record.fieldText("IntraSystemId") { byRequest[request] = event }
        }
        #expect(audit.count == ScenarioFixtures.signInEvents.count)
        for signIn in ScenarioFixtures.signInEvents {
            let match = byRequest[signIn.id.description]
            #expect(match?.time.millisecondsSince1970 == signIn.time.millisecondsSince1970 / 1000 * 1000)
            #expect(match?.sourceIP == signIn.sourceIP)
            #expect(match?.actor == signIn.actor)
            #expect(match?.sessions.entraSessionID == signIn.sessions.entraSessionID)
            #expect(match?.signInErrorCode == signIn.signInErrorCode)
        }
    }

    @Test("records carry the common schema: CreationTime without a zone, GUID ids, the tenant, user key and type")
    func commonSchema() throws {
        for json in ScenarioFixtures.monthData.auditRecords.prefix(20_000) {
            let value = try JSONValue(parsing: json)
            let creationTime = try #require(value["CreationTime"]?.stringValue)
            #expect(creationTime.count == 19 && !creationTime.hasSuffix("Z"))
            #expect(value["Id"]?.stringValue.flatMap(TenantID.init) != nil)
            #expect(value["OrganizationId"]?.stringValue == ScenarioFixtures.tenant.description)
            #expect(value["UserKey"]?.stringValue?.isEmpty == false)
            #expect(value["UserType"]?.scalarText != nil)
            #expect(value["RecordType"]?.scalarText.flatMap { Int($0) } != nil)
            #expect(value["Workload"]?.stringValue != nil)
            #expect(value["Version"]?.scalarText == "1")
        }
    }

    @Test("each workload's records carry the fields Microsoft writes for it")
    func workloadFields() throws {
        var seen: Set<String> = []
        for event in ScenarioFixtures.auditEvents {
            let record = event.record
            switch event.recordType.rawValue {
            case 2, 3, 50:
                #expect(record.fieldText("ClientIPAddress") != nil)
                #expect(record.fieldText("ClientInfoString") != nil)
                #expect(event.mailboxOwner != nil)
                #expect(event.sessions.mailboxSessionID != nil)
                #expect(event.sessions.entraSessionID != nil && event.sessions.uniqueTokenID != nil)
                seen.insert("mailbox")
            case 15:
                #expect(record.fieldText("ErrorNumber") != nil)
                #expect(event.deviceProperties["SessionId"] != nil)
                #expect(event.extendedProperties["UserAgent"] != nil)
                #expect((event.outcome == .failed) == (record.fieldText("LogonError") != nil))
                seen.insert("sign-in")
            case 6, 14:
                let objectID = try #require(record.objectID)
                let site = try #require(record.fieldText("SiteUrl"))
                let folder = try #require(record.fieldText("SourceRelativeUrl"))
                let file = try #require(record.fieldText("SourceFileName"))
                #expect(objectID == site + folder + "/" + file)
                #expect(event.userAgent != nil)
                #expect(event.sessions.entraSessionID != nil)
                seen.insert("sharepoint")
            case 25 where event.operation == "MemberAdded":
                #expect(record.fieldText("TeamName") != nil)
                let member = try #require(record.field("Members")?.arrayValue?.first)
                #expect(member["UPN"]?.stringValue != nil && member["Role"] != nil && member["DisplayName"] != nil)
                seen.insert("teams")
            case 1:
                #expect(!event.parameters.entries.isEmpty)
                seen.insert("exchange-admin")
            default:
                continue
            }
        }
        #expect(seen == ["mailbox", "sign-in", "sharepoint", "teams", "exchange-admin"])
    }

    @Test("ClientIP comes plain, with a port, and IPv4-mapped, and always reads as an address")
    func clientAddressForms() throws {
        var forms: Set<String> = []
        for event in ScenarioFixtures.auditEvents {
            guard let text = event.record.clientIP, !text.isEmpty, text != "<null>" else { continue }
            #expect(event.sourceIP != nil, "unreadable ClientIP \(text)")
            if text.hasPrefix("::ffff:") {
                forms.insert("mapped")
            } else if text.hasPrefix("[") || text.filter({ $0 == ":" }).count == 1 {
                forms.insert("port")
            } else if text.contains(":") {
                forms.insert("ipv6")
            } else {
                forms.insert("plain")
            }
        }
        #expect(forms == ["mapped", "port", "ipv6", "plain"])
    }

    @Test("Graph sign-ins carry the beta fields, the tenant, and a real place")
    func graphFields() throws {
        for json in ScenarioFixtures.monthData.signIns {
            let value = try JSONValue(parsing: json)
            #expect(value["createdDateTime"]?.stringValue?.hasSuffix("Z") == true)
            #expect(value["resourceTenantId"]?.stringValue == ScenarioFixtures.tenant.description)
            #expect(value["homeTenantId"]?.stringValue == ScenarioFixtures.tenant.description)
            for key in ["sessionId", "uniqueTokenIdentifier", "authenticationRequirement", "userAgent", "appDisplayName", "clientAppUsed"] {
                #expect(value[key]?.stringValue?.isEmpty == false, "\(key)")
            }
            #expect(value["authenticationDetails"]?.arrayValue != nil)
            #expect(value["status"]?["errorCode"] != nil)
            #expect(value["deviceDetail"]?["operatingSystem"] != nil)
            #expect(value["isInteractive"] != nil)
        }
        for event in ScenarioFixtures.signInEvents {
            let place = try #require(event.reportedLocation)
            #expect(place.city != nil && place.countryOrRegion?.count == 2 && place.latitude != nil && place.longitude != nil)
        }
    }

    @Test(
        "no address comes from a documentation range",
        arguments: [
            ("192.0.2.0/24", "192.0.2."), ("198.51.100.0/24", "198.51.100."), ("203.0.113.0/24", "203.0.113."), ("2001:db8::/32", "2001:db8:"),
        ])
    func noDocumentationRanges(_ range: String, _ text: String) throws {
        let network = try #require(IPNetwork(range))
        for event in ScenarioFixtures.auditEvents + ScenarioFixtures.signInEvents {
            if let address = event.sourceIP { #expect(!network.contains(address)) }
        }
        let data = ScenarioFixtures.monthData
        #expect(!(data.auditRecords + data.signIns).contains { ScenarioFixtures.text($0).contains(text) })
    }

    @Test("a working weekday has a few thousand records; every workload is represented")
    func volume() {
        let data = ScenarioFixtures.monthData
        let perDay = Double(data.auditRecords.count) / Double(ScenarioFixtures.truth.days)
        #expect(perDay > 2_000 && perDay < 6_000)
        let workloads = Set(ScenarioFixtures.auditEvents.compactMap(\.workload))
        #expect(workloads.isSuperset(of: ["Exchange", "SharePoint", "OneDrive", "AzureActiveDirectory", "MicrosoftTeams", "ThreatIntelligence"]))
    }
}
