import ArgumentParser
import BreakwaterModel
import Foundation

/// A point in time given on the command line: ISO-8601 (`2026-11-01`,
/// `2026-11-01T08:00:00Z`) or an age (`30m`, `12h`, `7d`: that long before now).
struct TimeArgument: ExpressibleByArgument {
    let timestamp: Timestamp

    init?(argument: String) {
        if let timestamp = Timestamp(iso8601: argument) {
            self.timestamp = timestamp
            return
        }
        guard let unit = argument.last, let amount = Int64(argument.dropLast()), amount >= 0 else { return nil }
        let seconds: Int64
        switch unit {
        case "m": seconds = amount * 60
        case "h": seconds = amount * 3600
        case "d": seconds = amount * 86_400
        default: return nil
        }
        timestamp = Timestamp(Date()).adding(milliseconds: -seconds * 1000)
    }

    static var defaultValueDescription: String { "time" }
}
