import BreakwaterModel

extension AuditRecord {
    /// The whole record as a tree, `nil` when it does not parse.
    ///
    /// One pass over the record, for detectors of rare kinds (sharing, Teams memberships,
    /// renames) that read several workload fields; ``AuditRecord/field(_:)`` costs a pass per
    /// field.
    var tree: JSONValue? {
        try? JSONValue(parsing: raw)
    }
}
