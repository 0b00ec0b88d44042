extension AuditRecord {
    /// The top-level member `name` of the record (exact name), read from ``raw`` when asked
    /// for: how detectors and reports reach the workload-specific fields the typed
    /// properties do not cover (`Item`, `TargetUserOrGroupName`, `TeamName`, `Members` …).
    ///
    /// Costs one pass over the record; `nil` when the member is absent.
    public func field(_ name: String) -> JSONValue? {
        let wanted = Array(name.utf8)
        return raw.withUnsafeBufferPointer { buffer -> JSONValue? in
            var scanner = JSONScanner(buffer)
            scanner.skipWhitespace()
            guard var cursor = try? scanner.beginObject() else { return nil }
            scanner.skipWhitespace()
            while let key = try? scanner.nextKey(in: &cursor) {
                let matches =
                    key.hasEscapes
                    ? (try? JSONValue(parsing: buffer[(key.start - 1)...key.end]))?.stringValue == name
                    : key.count == wanted.count && buffer[key.start..<key.end].elementsEqual(wanted)
                if matches { return try? scanner.readValue() }
                guard (try? scanner.skipValue()) != nil else { return nil }
                scanner.skipWhitespace()
            }
            return nil
        }
    }

    /// The text of the top-level member `name` when it is a scalar (strings unescaped).
    public func fieldText(_ name: String) -> String? {
        field(name)?.scalarText
    }
}
