/// A record's named properties — `Parameters`, `ExtendedProperties`, `ModifiedProperties`,
/// `OperationProperties`, `DeviceProperties` — as a name → value map, whatever their encoding.
///
/// Microsoft writes these bags in several ways, and all read the same here:
/// - an array of `{"Name": …, "Value": …}` objects (the documented form; Teams uses
///   `Key`/`Value`; `ModifiedProperties` uses `NewValue`/`OldValue`),
/// - an array of bare names (mailbox `ModifiedProperties`),
/// - an object of `name: value` members,
/// - that same JSON encoded inside a string (`"[{\"Name\":…}]"`),
/// - a PowerShell-style string (`"-Name \"foo\" -Force \"True\""`).
///
/// Names repeat in some records; ``values(named:)`` returns every value in order. Names
/// compare without ASCII case. A bag read from a record decodes on demand, so building an
/// ``Event`` costs nothing for the bags no one reads.
public struct PropertyBag: Sendable {
    /// One property: its name, its (new) value and, for `ModifiedProperties`, the old value.
    public struct Entry: Sendable, Hashable {
        public var name: String
        public var value: String?
        public var oldValue: String?

        public init(name: String, value: String?, oldValue: String? = nil) {
            self.name = name
            self.value = value
            self.oldValue = oldValue
        }
    }

    enum Storage: Sendable {
        /// JSON (an array or object) at `start` inside `raw`, decoded when read.
        case json(raw: [UInt8], start: Int)
        case entries([Entry])
    }

    let storage: Storage

    /// A bag holding the given entries.
    public init(_ entries: [Entry] = []) {
        storage = .entries(entries)
    }

    init(storage: Storage) {
        self.storage = storage
    }

    /// Every entry, in record order.
    public var entries: [Entry] {
        switch storage {
        case .entries(let entries): entries
        case .json(let raw, let start): Self.decodeEntries(raw, start: start, matching: nil)
        }
    }

    /// Whether the bag has no entries.
    public var isEmpty: Bool { entries.isEmpty }

    /// The first value of the property `name`, if any.
    public subscript(name: String) -> String? {
        entry(named: name)?.value
    }

    /// The first entry named `name`, if any.
    public func entry(named name: String) -> Entry? {
        switch storage {
        case .entries(let entries): entries.first { $0.name.caseInsensitiveEquals(name) }
        case .json(let raw, let start): Self.decodeEntries(raw, start: start, matching: name, firstOnly: true).first
        }
    }

    /// Every value of the property `name`, in record order (names may repeat).
    public func values(named name: String) -> [String] {
        let matching: [Entry] =
            switch storage {
            case .entries(let entries): entries.filter { $0.name.caseInsensitiveEquals(name) }
            case .json(let raw, let start): Self.decodeEntries(raw, start: start, matching: name)
            }
        return matching.compactMap(\.value)
    }

    /// Whether any property is named `name`.
    public func contains(_ name: String) -> Bool {
        entry(named: name) != nil
    }
}
