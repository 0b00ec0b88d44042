public import BreakwaterModel

/// A record that could not be decoded, kept with the reason and where it came from, so that
/// nothing read is ever silently lost.
public struct QuarantinedRecord: Sendable, Equatable {
    /// The tenant, when it could be told.
    public var tenant: TenantID?
    /// Where the record was read.
    public var source: SourceReference
    /// Where in the source it starts.
    public var position: SourcePosition
    /// Why it was quarantined.
    public var reason: QuarantineReason
    /// The bytes as read (at most ``QuarantinedRecord/maximumKeptBytes`` of them).
    public var raw: [UInt8]
    /// The record's full length in bytes (more than `raw.count` when it was cut).
    public var length: Int

    /// Quarantine keeps at most this many bytes of one record; the position leads to the rest.
    public static let maximumKeptBytes = 64 << 20

    public init(tenant: TenantID?, source: SourceReference, position: SourcePosition, reason: QuarantineReason, raw: [UInt8], length: Int? = nil) {
        self.tenant = tenant
        self.source = source
        self.position = position
        self.reason = reason
        self.raw = raw.count > Self.maximumKeptBytes ? Array(raw.prefix(Self.maximumKeptBytes)) : raw
        self.length = length ?? raw.count
    }
}

/// Why a record was quarantined: a stable code and a message for a person.
public struct QuarantineReason: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable, kebab-case (`missing-id`, `malformed-json`, `tenant-mismatch`, …).
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

/// A source of records: a file (its path and content fingerprint) or, later, a feed.
public struct SourceReference: Sendable, Hashable {
    /// A name for people: the file path as given.
    public var name: String
    /// Identifies the content, independent of its name: re-reading the same content finds the
    /// same quarantined records instead of adding them again.
    public var fingerprint: String

    public init(name: String, fingerprint: String) {
        self.name = name
        self.fingerprint = fingerprint
    }
}

/// Where a record starts in its source.
public struct SourcePosition: Sendable, Hashable, CustomStringConvertible {
    /// 1-based line number.
    public var line: Int64
    /// 0-based byte offset.
    public var byteOffset: Int64

    public init(line: Int64, byteOffset: Int64) {
        self.line = line
        self.byteOffset = byteOffset
    }

    public var description: String { "line \(line), byte \(byteOffset)" }
}
