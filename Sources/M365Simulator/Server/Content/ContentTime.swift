/// Instants as the Management Activity API writes them: `2026-11-02T10:35:00.000Z`.
enum ContentTime {
    static func text(_ milliseconds: Int64) -> String {
        let fraction = String(milliseconds % 1000 + 1000).dropFirst()
        return TimeText.auditLog(milliseconds) + "." + fraction + "Z"
    }

    /// `20261102103500000`: the digits content ids and next-page tokens start with.
    static func digits(_ milliseconds: Int64) -> String {
        String(text(milliseconds).filter(\.isNumber))
    }
}
