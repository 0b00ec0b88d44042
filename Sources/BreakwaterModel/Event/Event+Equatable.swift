/// Two events are equal when they hold the same record of the same tenant with the same
/// enrichment.
extension Event: Equatable {
    public static func == (lhs: Event, rhs: Event) -> Bool {
        lhs.tenant == rhs.tenant && lhs.record.source == rhs.record.source && lhs.record.raw == rhs.record.raw
            && lhs.network == rhs.network && lhs.client == rhs.client
    }
}
