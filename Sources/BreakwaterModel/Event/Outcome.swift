/// Whether an audited action succeeded.
public enum Outcome: String, Sendable, Hashable {
    case succeeded
    case failed
    /// The record does not say (or says something this build does not recognise).
    case unknown

    /// Reads a `ResultStatus` in any of the spellings seen: `Succeeded`, `Success`,
    /// `PartiallySucceeded`, `True` (Exchange admin) succeed; `Failed`, `Failure`, `False` fail.
    public init(resultStatus: String?) {
        switch resultStatus?.identityLowercased {
        case "succeeded", "success", "partiallysucceeded", "true": self = .succeeded
        case "failed", "failure", "false": self = .failed
        default: self = .unknown
        }
    }
}
