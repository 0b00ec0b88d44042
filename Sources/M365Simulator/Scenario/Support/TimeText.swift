/// Instants written the three ways the scenario's outputs need them, quickly and without
/// Foundation formatters: the audit log's `CreationTime` (no zone suffix), Graph's
/// `createdDateTime` (with `Z`) and the Purview export's en-US `CreationDate`.
enum TimeText {
    static let millisecondsPerDay: Int64 = 86_400_000
    static let millisecondsPerHour: Int64 = 3_600_000
    static let millisecondsPerMinute: Int64 = 60_000

    /// `2026-11-17T10:13:05` (UTC, whole seconds).
    static func auditLog(_ milliseconds: Int64) -> String {
        let parts = Parts(milliseconds)
        var text = padded(parts.year, 4) + "-" + padded(parts.month, 2) + "-" + padded(parts.day, 2)
        text += "T" + padded(parts.hour, 2) + ":" + padded(parts.minute, 2) + ":" + padded(parts.second, 2)
        return text
    }

    /// `2026-11-17T10:13:05Z`.
    static func graph(_ milliseconds: Int64) -> String {
        auditLog(milliseconds) + "Z"
    }

    /// `11/17/2026 10:13:05 AM`, as the Purview portal exports `CreationDate`.
    static func purview(_ milliseconds: Int64) -> String {
        let parts = Parts(milliseconds)
        let hour12 = parts.hour % 12 == 0 ? 12 : parts.hour % 12
        return "\(parts.month)/\(parts.day)/\(parts.year) \(hour12):" + padded(parts.minute, 2) + ":" + padded(parts.second, 2)
            + (parts.hour < 12 ? " AM" : " PM")
    }

    /// The day of the week, 0 for Sunday.
    static func weekday(_ milliseconds: Int64) -> Int {
        let days = floorDivide(milliseconds, millisecondsPerDay)
        return Int(((days + 4) % 7 + 7) % 7)
    }

    /// Midnight UTC of a calendar date.
    static func milliseconds(year: Int, month: Int, day: Int) -> Int64 {
        // Howard Hinnant's days-from-civil.
        let shiftedYear = Int64(month <= 2 ? year - 1 : year)
        let era = floorDivide(shiftedYear, 400)
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = Int64((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1)
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return (era * 146_097 + dayOfEra - 719_468) * millisecondsPerDay
    }

    /// The calendar year of an instant (UTC).
    static func year(_ milliseconds: Int64) -> Int {
        Parts(milliseconds).year
    }

    private struct Parts {
        var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int

        init(_ milliseconds: Int64) {
            let days = TimeText.floorDivide(milliseconds, TimeText.millisecondsPerDay)
            let secondsOfDay = Int((milliseconds - days * TimeText.millisecondsPerDay) / 1000)
            hour = secondsOfDay / 3600
            minute = secondsOfDay / 60 % 60
            second = secondsOfDay % 60
            // Howard Hinnant's civil-from-days.
            let z = days + 719_468
            let era = TimeText.floorDivide(z, 146_097)
            let dayOfEra = z - era * 146_097
            let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
            let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
            let monthIndex = (5 * dayOfYear + 2) / 153
            day = Int(dayOfYear - (153 * monthIndex + 2) / 5 + 1)
            month = Int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9)
            year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)
        }
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : (value - divisor + 1) / divisor
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
