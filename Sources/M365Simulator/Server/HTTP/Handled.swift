/// An endpoint's reply with what the responder needs to finish the exchange: the tenant to
/// record it against and the faults that shape how it is sent.
struct Handled: Sendable {
    var reply: Reply
    var service: RecordedRequest.Service
    var tenant: HostedTenant?
    var faults: FaultDecision = .none
    var publisherIdentifier: String?
}
