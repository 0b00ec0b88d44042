/// Which faults one request meets, decided from the tenant's seed, the request and its attempt
/// number (see ``SimulatedFaults``).
struct FaultDecision: Sendable {
    var throttle: SimulatedFaults.ThrottleStatus?
    var serverError = false
    var truncate = false
    var slow = false
    /// The status AF429 takes if the request cap is exceeded.
    var capStatus: SimulatedFaults.ThrottleStatus = .tooManyRequests

    static let none = FaultDecision()

    init() {}

    init(_ faults: SimulatedFaults, dice: FaultDice, key: String, attempt: Int) {
        let statuses = faults.throttleStatuses.isEmpty ? [.tooManyRequests] : faults.throttleStatuses
        let pick = statuses[min(statuses.count - 1, Int(dice.unit("throttle status", key, String(attempt)) * Double(statuses.count)))]
        capStatus = pick
        slow = dice.unit("slow", key, String(attempt)) < faults.slowShare
        guard attempt < faults.maximumConsecutiveFaults else { return }
        if dice.unit("throttle", key, String(attempt)) < faults.throttledShare {
            throttle = pick
        } else if dice.unit("server error", key, String(attempt)) < faults.serverErrorShare {
            serverError = true
        } else if dice.unit("truncate", key, String(attempt)) < faults.truncatedBodyShare {
            truncate = true
        }
    }
}
