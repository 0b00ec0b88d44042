import BreakwaterModel

/// The `startTime`/`endTime` window of a `/subscriptions/content` request (contract §2.5):
/// half-open on `contentCreated`, at most 24 hours long, starting no more than 7 days (and
/// the hour of tolerance the service shows) ago; the last 24 hours when both are omitted.
struct ContentWindow: Sendable {
    let start: Int64
    let end: Int64
    /// The times as the client wrote them (or as the service chose them), for next-page URLs.
    let startText: String
    let endText: String

    struct Problem: Error {
        let code: String
        let message: String
    }

    static let day: Int64 = 86_400_000
    private static let rule =
        "Start time and end time must both be specified (or both omitted) and must be less than or equal to 24 hours apart, with the start time no more than 7 days in the past."

    static func parse(start: String?, end: String?, now: Int64) -> Result<ContentWindow, Problem> {
        switch (start, end) {
        case (nil, nil):
            return .success(ContentWindow(start: now - day, end: now, startText: TimeText.auditLog(now - day), endText: TimeText.auditLog(now)))
        case (let startText?, let endText?):
            guard let start = Timestamp(iso8601: startText)?.millisecondsSince1970 else {
                return .failure(Problem(code: "AF20002", message: "Invalid parameter type: startTime (\(startText))."))
            }
            guard let end = Timestamp(iso8601: endText)?.millisecondsSince1970 else {
                return .failure(Problem(code: "AF20002", message: "Invalid parameter type: endTime (\(endText))."))
            }
            guard start < end else { return .failure(Problem(code: "AF20055", message: rule)) }
            guard end - start <= day, start >= now - 7 * day - 3_600_000 else { return .failure(Problem(code: "AF20030", message: rule)) }
            return .success(ContentWindow(start: start, end: end, startText: startText, endText: endText))
        default:
            return .failure(Problem(code: "AF20030", message: rule))
        }
    }

    func contains(_ time: Int64) -> Bool {
        start <= time && time < end
    }

    /// `2026110210R000000000050`: the window's start hour, then the offset of the next page.
    func nextPageToken(offset: Int) -> String {
        String(ContentTime.digits(start).prefix(10)) + "R" + String(String(1_000_000_000_000 + offset).dropFirst())
    }

    /// The offset a next-page token points at, if it is one this window issued.
    func offset(ofNextPage token: String) -> Int? {
        let prefix = String(ContentTime.digits(start).prefix(10)) + "R"
        let digits = token.dropFirst(prefix.count)
        guard token.hasPrefix(prefix), digits.count == 12, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }
}
