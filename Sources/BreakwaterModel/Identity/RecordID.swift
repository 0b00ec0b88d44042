public import Foundation

/// The unique id of one audit record (`Id` in the Management Activity schema, `id` of a
/// Graph sign-in): with the tenant, the key that makes re-reading a record harmless.
///
/// Ids are GUIDs in every documented source and are kept as sixteen bytes; anything else is
/// kept as text so that an odd record is stored rather than lost.
public enum RecordID: Hashable, Sendable, Comparable, CustomStringConvertible {
    case guid(UUID)
    case text(String)

    /// Reads an id, preferring the compact GUID form when the text is one.
    public init(_ text: String) {
        if let uuid = GUIDParser.parse(text) {
            self = .guid(uuid)
        } else {
            self = .text(text)
        }
    }

    /// The id as text; GUIDs in lowercase.
    public var description: String {
        switch self {
        case .guid(let uuid): uuid.uuidString.lowercased()
        case .text(let text): text
        }
    }

    /// The id's bytes for storage keys: the sixteen GUID bytes, or the UTF-8 text.
    public var storageBytes: [UInt8] {
        switch self {
        case .guid(let uuid): GUIDParser.bytes(of: uuid)
        case .text(let text): Array(text.utf8)
        }
    }

    /// Text ids sort before GUIDs; each kind sorts by its bytes. This matches how the
    /// archives order stored ids (SQLite sorts text before blobs, both bytewise).
    public static func < (lhs: RecordID, rhs: RecordID) -> Bool {
        switch (lhs, rhs) {
        case (.text, .guid): true
        case (.guid, .text): false
        default: lhs.storageBytes.lexicographicallyPrecedes(rhs.storageBytes)
        }
    }
}
