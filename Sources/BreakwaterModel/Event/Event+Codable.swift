import Foundation

/// An event encodes as its original record, its tenant and what enrichment added, so that
/// events held in saved detection state come back exactly as they were.
extension Event: Codable {
    private enum CodingKeys: String, CodingKey {
        case tenant, source, record, network, client
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let tenant = try container.decode(TenantID.self, forKey: .tenant)
        let sourceNumber = try container.decode(Int.self, forKey: .source)
        guard let source = RecordSource(rawValue: sourceNumber) else {
            throw DecodingError.dataCorruptedError(forKey: .source, in: container, debugDescription: "unknown record source \(sourceNumber)")
        }
        let raw = Array(try container.decode(String.self, forKey: .record).utf8)
        let record: AuditRecord
        do {
            record =
                switch source {
                case .unifiedAuditLog: try AuditRecord(unifiedAuditLogJSON: raw)
                case .graphSignIn: try AuditRecord(graphSignInJSON: raw)
                }
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .record, in: container, debugDescription: "the record cannot be read: \(error)")
        }
        self.init(record: record, tenant: tenant)
        network = try container.decodeIfPresent(NetworkFacts.self, forKey: .network)
        client = try container.decodeIfPresent(ClientFacts.self, forKey: .client)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tenant, forKey: .tenant)
        try container.encode(record.source.rawValue, forKey: .source)
        // Records are validated UTF-8 JSON, so their text round-trips exactly.
        try container.encode(String(decoding: record.raw, as: UTF8.self), forKey: .record)
        try container.encodeIfPresent(network, forKey: .network)
        try container.encodeIfPresent(client, forKey: .client)
    }
}
