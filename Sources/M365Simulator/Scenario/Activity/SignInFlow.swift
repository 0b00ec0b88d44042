/// How people sign in: a device without a live Entra session does a full sign-in
/// (sometimes a mistyped password first, usually an MFA prompt), which starts a session;
/// later sign-ins on that device are satisfied by the claims in its token.
struct SignInFlow {
    let encoder: RecordEncoder

    /// Signs `connection` in to `application` at `time`, writing every attempt to both logs.
    ///
    /// - Returns: the connection with the device's session and the new token.
    func signIn(
        _ connection: Connection, to application: EntraApplication, at time: Int64, session: inout PersonState.DeviceSession?, lifetime: Int64,
        into buffer: inout RecordBuffer, _ random: inout SeededRandom
    ) -> Connection {
        var signedIn = connection
        signedIn.token = random.characters(22)
        if let live = session, live.expires > time {
            signedIn.session = live.id
            record(signedIn, application, .tokenClaim, at: time, into: &buffer, &random)
            return signedIn
        }
        let fresh = PersonState.DeviceSession(id: random.guid(), expires: time + lifetime)
        session = fresh
        signedIn.session = fresh.id
        if random.chance(0.1) {
            record(signedIn, application, .wrongPassword, at: time - random.milliseconds(in: 30_000..<70_000), into: &buffer, &random)
        }
        if random.chance(0.7) {
            record(signedIn, application, .mfaRequired, at: time - random.milliseconds(in: 9_000..<25_000), into: &buffer, &random)
        }
        if application.isBrowser, random.chance(0.4) {
            record(signedIn, application, .keepSignedInInterrupt, at: time - random.milliseconds(in: 2_000..<6_000), into: &buffer, &random)
        }
        record(signedIn, application, .passwordAndMFA, at: time, into: &buffer, &random)
        return signedIn
    }

    /// Writes one attempt to both logs.
    func record(
        _ connection: Connection, _ application: EntraApplication, _ step: SignInAttempt.Step, at time: Int64, isInteractive: Bool = true,
        requiresMFA: Bool = true, into buffer: inout RecordBuffer, _ random: inout SeededRandom
    ) {
        let attempt = SignInAttempt(
            time: time, connection: connection, application: application, step: step, requestID: Self.requestID(&random),
            correlationID: random.guid(), isInteractive: isInteractive, requiresMFA: requiresMFA)
        buffer.add(attempt, encoder: encoder, &random)
    }

    /// A request id as Entra writes them: a GUID whose last byte is zero.
    static func requestID(_ random: inout SeededRandom) -> String {
        String(random.guid().dropLast(2)) + "00"
    }
}
