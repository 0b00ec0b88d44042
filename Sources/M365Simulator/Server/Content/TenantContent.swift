import BreakwaterModel

/// Everything a tenant's services hold, built once from its scenario: the audit records in
/// their blobs, the Graph sign-ins, and the directory (users, inbox rules, MFA registration).
///
/// Immutable: what changes while the server runs (subscriptions, remediation, counters) is
/// in ``TenantState``.
struct TenantContent: Sendable {
    /// Audit records' JSON, in the scenario's time order.
    let records: [[UInt8]]
    /// Each record's `Id`.
    let recordIDs: [String]
    /// Each content type's blobs, ordered by creation (then id).
    let blobs: [ManagementContentType: [ContentBlob]]
    /// Where each blob is, by content id.
    let blobLocations: [String: BlobLocation]
    /// Graph sign-ins, newest first.
    let signIns: [SignInEntry]
    let directory: SimulatedDirectory

    struct BlobLocation: Sendable {
        let contentType: ManagementContentType
        let index: Int
    }

    init(_ tenant: SimulatedTenant) {
        let scenario = Scenario(tenant.scenario)
        let dice = FaultDice(seed: scenario.configuration.seed)
        var records: [[UInt8]] = []
        var recordIDs: [String] = []
        var recordTimes: [Int64] = []
        var contentTypes: [ManagementContentType] = []
        var signIns: [SignInEntry] = []
        var ruleRecords: [(time: Int64, json: [UInt8])] = []
        scenario.forEachRecord { record in
            switch record.feed {
            case .auditLog:
                let reading = record.json.withUnsafeBufferPointer { AuditRecord.read($0, from: .unifiedAuditLog) }
                guard case .record(let audit, _) = reading else { return }
                records.append(record.json)
                recordIDs.append(audit.id.description)
                recordTimes.append(record.time.millisecondsSince1970)
                contentTypes.append(ManagementContentType(workload: audit.workload, recordType: audit.recordType))
                if audit.operation == "New-InboxRule" {
                    ruleRecords.append((record.time.millisecondsSince1970, record.json))
                }
            case .signIns:
                if let entry = SignInEntry(record.json, time: record.time.millisecondsSince1970, delivery: tenant.delivery, dice: dice) {
                    signIns.append(entry)
                }
            }
        }
        self.records = records
        self.recordIDs = recordIDs
        signIns.sort { $0.time != $1.time ? $0.time > $1.time : $0.id > $1.id }
        self.signIns = signIns
        directory = SimulatedDirectory(company: Company(scenario.configuration), inboxRuleRecords: ruleRecords)

        let blobs = Self.blobs(
            recordIDs: recordIDs, times: recordTimes, contentTypes: contentTypes, delivery: tenant.delivery, faults: tenant.faults, dice: dice)
        self.blobs = blobs
        var locations: [String: BlobLocation] = [:]
        for (contentType, list) in blobs {
            for (index, blob) in list.enumerated() {
                locations[blob.contentID] = BlobLocation(contentType: contentType, index: index)
            }
        }
        blobLocations = locations
    }

    /// The blob with a content id, if there is one.
    func blob(_ contentID: String) -> ContentBlob? {
        blobLocations[contentID].map { blobs[$0.contentType]![$0.index] }
    }

    /// The ids of every record that can be retrieved from a blob created at or before `time`:
    /// what a collector that reads everything listable by then must have, once each.
    func deliverableRecordIDs(through time: Int64) -> Set<String> {
        var ids = Set<String>()
        for list in blobs.values {
            for blob in list where blob.created <= time && !blob.expiredOnArrival {
                for record in blob.records { ids.insert(recordIDs[Int(record)]) }
            }
        }
        return ids
    }

    /// Groups records into blobs: each becomes available after its latency, in the blob of its
    /// content type that closes at the end of that interval.
    private static func blobs(
        recordIDs: [String], times: [Int64], contentTypes: [ManagementContentType], delivery: ContentDelivery, faults: SimulatedFaults,
        dice: FaultDice
    ) -> [ManagementContentType: [ContentBlob]] {
        let interval = max(1, Int64(delivery.blobInterval.milliseconds))
        var groups: [ManagementContentType: [Int64: [Int32]]] = [:]
        for index in recordIDs.indices {
            var random = dice.generator("latency", recordIDs[index])
            let isLate = random.unit() < delivery.lateShare
            let range = isLate ? delivery.lateDelay : delivery.latency
            let latency = random.milliseconds(in: Int64(range.lowerBound.milliseconds)..<Int64(range.upperBound.milliseconds) + 1)
            let available = times[index] + latency
            let created = (available / interval + 1) * interval
            groups[contentTypes[index], default: [:]][created, default: []].append(Int32(index))
        }

        var result: [ManagementContentType: [ContentBlob]] = [:]
        for (contentType, byCreation) in groups {
            // Chunks in creation order, then records repeated into the next chunk.
            var chunks: [(created: Int64, records: [Int32])] = []
            for created in byCreation.keys.sorted() {
                let members = byCreation[created]!
                for start in stride(from: 0, to: members.count, by: max(1, delivery.recordsPerBlob)) {
                    chunks.append((created, Array(members[start..<min(members.count, start + max(1, delivery.recordsPerBlob))])))
                }
            }
            if faults.duplicateRecordShare > 0 {
                for position in chunks.indices.dropLast() {
                    let repeated = chunks[position].records.filter { dice.unit("repeat", recordIDs[Int($0)]) < faults.duplicateRecordShare }
                    chunks[position + 1].records += repeated
                }
            }
            var list: [ContentBlob] = []
            var serial = 0
            for chunk in chunks {
                serial += 1
                let stamp = ContentTime.digits(chunk.created) + String(1_000_000 + serial).dropFirst()
                let contentID = "\(stamp)$\(stamp)$\(contentType.idSegment)$\(String(contentType.rawValue.map { $0 == "." ? "_" : $0 }))$emea0001"
                var shuffled = chunk.records
                var random = dice.generator("shuffle", contentID)
                shuffled.shuffle(using: &random)
                let expired = dice.unit("expired", contentID) < faults.expiredBlobShare
                list.append(
                    ContentBlob(
                        contentType: contentType, contentID: contentID, created: chunk.created,
                        expiration: expired ? chunk.created : chunk.created + ContentBlob.retention, records: shuffled,
                        isListedTwice: dice.unit("listed-twice", contentID) < faults.duplicateBlobShare))
            }
            result[contentType] = list
        }
        return result
    }
}
