extension Timestamp {
    /// Parses an ISO-8601 date-time as audit sources write it.
    ///
    /// Accepts `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM`, `YYYY-MM-DDTHH:MM:SS`, any number of
    /// fractional-second digits (kept to the millisecond), a space instead of `T`, and a zone
    /// of `Z`, `±HH:MM` or `±HHMM`. A time without a zone is UTC, as in the audit feed.
    public init?(iso8601 text: String) {
        var text = text
        guard let parsed = text.withUTF8({ Self.parseISO8601($0) }) else { return nil }
        self = parsed
    }

    /// Parses ISO-8601 text held in a byte buffer (see ``init(iso8601:)``).
    static func parseISO8601(_ text: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        var reader = DigitReader(text: text)
        guard let year = reader.number(digits: 4), reader.take(UInt8(ascii: "-")),
            let month = reader.number(digits: 2), reader.take(UInt8(ascii: "-")),
            let day = reader.number(digits: 2),
            (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month)
        else { return nil }
        var seconds = Int64(daysSinceEpoch(year: year, month: month, day: day)) * 86_400
        var milliseconds: Int64 = 0
        if reader.take(UInt8(ascii: "T")) || reader.take(UInt8(ascii: "t")) || reader.take(UInt8(ascii: " ")) {
            guard let hour = reader.number(digits: 2), reader.take(UInt8(ascii: ":")),
                let minute = reader.number(digits: 2), hour < 24, minute < 60
            else { return nil }
            seconds += Int64(hour * 3600 + minute * 60)
            if reader.take(UInt8(ascii: ":")) {
                guard let second = reader.number(digits: 2), second < 61 else { return nil }
                seconds += Int64(second)
                if reader.take(UInt8(ascii: ".")) {
                    guard let fraction = reader.fractionInMilliseconds() else { return nil }
                    milliseconds = fraction
                }
            }
            if reader.take(UInt8(ascii: "Z")) || reader.take(UInt8(ascii: "z")) {
                // UTC
            } else if let sign = reader.takeSign() {
                guard let hours = reader.number(digits: 2) else { return nil }
                _ = reader.take(UInt8(ascii: ":"))
                guard let minutes = reader.number(digits: 2), hours < 24, minutes < 60 else { return nil }
                seconds -= Int64(sign * (hours * 3600 + minutes * 60))
            }
        }
        guard reader.isAtEnd else { return nil }
        return Timestamp(millisecondsSince1970: seconds * 1000 + milliseconds)
    }

    /// The instant as `YYYY-MM-DDTHH:MM:SSZ`, with `.mmm` before the `Z` when the
    /// milliseconds are not zero.
    public var iso8601: String {
        let milliseconds = Int((millisecondsSince1970 % 1000 + 1000) % 1000)
        let totalSeconds = (millisecondsSince1970 - Int64(milliseconds)) / 1000
        let secondsOfDay = Int((totalSeconds % 86_400 + 86_400) % 86_400)
        let days = Int((totalSeconds - Int64(secondsOfDay)) / 86_400)
        let (year, month, day) = Self.civilDate(daysSinceEpoch: days)
        var text = Self.padded(year, 4) + "-" + Self.padded(month, 2) + "-" + Self.padded(day, 2)
        text += "T" + Self.padded(secondsOfDay / 3600, 2) + ":" + Self.padded(secondsOfDay / 60 % 60, 2)
        text += ":" + Self.padded(secondsOfDay % 60, 2)
        if milliseconds != 0 { text += "." + Self.padded(milliseconds, 3) }
        return text + "Z"
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    private static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    private static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's algorithm).
    static func civilDate(daysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// Reads fixed-width decimal fields from the front of a byte buffer.
private struct DigitReader {
    let text: UnsafeBufferPointer<UInt8>
    var position = 0

    var isAtEnd: Bool { position == text.count }

    mutating func number(digits: Int) -> Int? {
        guard position + digits <= text.count else { return nil }
        var value = 0
        for offset in 0..<digits {
            let digit = text[position + offset] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        position += digits
        return value
    }

    /// Reads one or more fraction digits and returns them as whole milliseconds.
    mutating func fractionInMilliseconds() -> Int64? {
        var milliseconds: Int64 = 0
        var count = 0
        while position < text.count, text[position] &- UInt8(ascii: "0") < 10 {
            if count < 3 { milliseconds = milliseconds * 10 + Int64(text[position] - UInt8(ascii: "0")) }
            count += 1
            position += 1
        }
        guard count > 0 else { return nil }
        for _ in count..<max(count, 3) { milliseconds *= 10 }
        return milliseconds
    }

    mutating func take(_ byte: UInt8) -> Bool {
        guard position < text.count, text[position] == byte else { return false }
        position += 1
        return true
    }

    mutating func takeSign() -> Int? {
        if take(UInt8(ascii: "+")) { return 1 }
        if take(UInt8(ascii: "-")) { return -1 }
        return nil
    }
}
