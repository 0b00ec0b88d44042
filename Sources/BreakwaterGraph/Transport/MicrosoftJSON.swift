import BreakwaterModel
import Foundation

/// Decoding Microsoft's JSON into typed values.
enum MicrosoftJSON {
    /// A decoder that reads dates the way Microsoft writes them: ISO 8601 with or without a
    /// zone and with any number of fractional digits (a date without a zone is UTC).
    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let timestamp = Timestamp(iso8601: text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not an ISO 8601 date-time")
            }
            return timestamp.date
        }
        return decoder
    }

    /// `bytes` decoded as `T`, or a ``TransportError/Code/malformedResponse`` naming `what`.
    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], what: String) throws -> T {
        do {
            return try decoder().decode(type, from: Data(bytes))
        } catch {
            throw TransportError(code: .malformedResponse, message: "\(what) is not the JSON the API documents", underlying: error)
        }
    }
}
