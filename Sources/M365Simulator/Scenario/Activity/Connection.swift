/// Who is acting, from which device and address, in which Entra session: what every record
/// of one piece of activity shares.
struct Connection: Sendable {
    var person: Person
    var device: Device
    var network: Network
    /// The public address traffic leaves from.
    var address: String
    /// Where Microsoft places that address.
    var place: Place
    /// The Entra session (`AppAccessContext.AADSessionId`, `DeviceProperties.SessionId`,
    /// Graph `sessionId`).
    var session: String
    /// The current access token (`AppAccessContext.UniqueTokenId`, Graph
    /// `uniqueTokenIdentifier`).
    var token: String
    /// The Exchange mailbox session (`SessionId` on mailbox records).
    var mailboxSession: String
    /// The user agent of the browser or app in use, when it is not the device's browser.
    var userAgent: String

    /// `ClientIP` written plainly, or with a port as Exchange's cmdlet records do
    /// (`81.128.137.18:51234`, `[2a00:…]:51234`).
    func address(withPort port: Int) -> String {
        address.contains(":") ? "[\(address)]:\(port)" : "\(address):\(port)"
    }

    /// The address as Outlook's MAPI connections report it: IPv4-mapped IPv6
    /// (`::ffff:81.128.137.18`) for IPv4.
    var mappedAddress: String {
        address.contains(":") ? address : "::ffff:" + address
    }
}
