extension RecordEncoder {
    /// The audit log's copy of a sign-in (§3.6): `UserLoggedIn`/`UserLoginFailed` with the
    /// AADSTS code in `ErrorNumber` and the Entra session in `DeviceProperties.SessionId`.
    func auditSignIn(_ attempt: SignInAttempt, _ random: inout SeededRandom) -> [UInt8] {
        let connection = attempt.connection
        let person = connection.person
        var writer = JSONWriter()
        let succeeded = attempt.step.errorCode == 0
        // ResultStatus only says the request was handled; the outcome is in ErrorNumber.
        beginAuditRecord(
            &writer, time: attempt.time, operation: succeeded ? "UserLoggedIn" : "UserLoginFailed", recordType: 15, resultStatus: "Success",
            userKey: person.objectID, workload: "AzureActiveDirectory", &random)
        writer.field("ClientIP", connection.address)
        writer.field("ObjectId", attempt.application.resourceID)
        writer.field("UserId", person.userPrincipalName)
        writer.field("AzureActiveDirectoryEventType", 1)
        var extended: [(String, String)] = [
            ("ResultStatusDetail", succeeded ? (attempt.application.isBrowser ? "Redirect" : "Success") : "Success"),
            ("UserAgent", connection.userAgent),
            ("UserAuthenticationMethod", "1"),
            ("RequestType", attempt.step == .passwordAndMFA || attempt.step == .mfaRequired ? "SAS:ProcessAuth" : attempt.application.requestType),
        ]
        if attempt.application.isBrowser, succeeded { extended.append(("KeepMeSignedIn", "True")) }
        writer.nameValueList("ExtendedProperties", extended)
        writer.key("ModifiedProperties")
        writer.beginArray()
        writer.endArray()
        writer.key("Actor")
        writer.beginArray()
        identity(&writer, person.objectID, type: 0)
        identity(&writer, person.userPrincipalName, type: 5)
        writer.endArray()
        writer.field("ActorContextId", company.tenantText)
        writer.field("ActorIpAddress", connection.address)
        writer.field("InterSystemsId", attempt.correlationID)
        writer.field("IntraSystemId", attempt.requestID)
        writer.field("SupportTicketId", "")
        writer.key("Target")
        writer.beginArray()
        identity(&writer, attempt.application.resourceID, type: 0)
        writer.endArray()
        writer.field("TargetContextId", company.tenantText)
        writer.field("ApplicationId", attempt.application.id)
        let hardware = connection.device
        var device: [(String, String)] = []
        if hardware.trust != nil {
            device.append(("Id", hardware.id))
            device.append(("DisplayName", hardware.name))
        }
        device.append(("OS", hardware.auditOperatingSystem))
        device.append(("BrowserType", hardware.browserType))
        if hardware.isCompliant { device.append(("IsCompliant", "True")) }
        device.append(("IsCompliantAndManaged", hardware.isCompliant ? "True" : "False"))
        if let trust = hardware.auditTrustType { device.append(("TrustType", trust)) }
        device.append(("SessionId", connection.session))
        writer.nameValueList("DeviceProperties", device)
        writer.field("ErrorNumber", String(attempt.step.errorCode))
        if let logonError = attempt.step.logonError { writer.field("LogonError", logonError) }
        writer.endObject()
        return writer.bytes
    }

    private func identity(_ writer: inout JSONWriter, _ id: String, type: Int) {
        writer.beginObject()
        writer.field("ID", id)
        writer.field("Type", type)
        writer.endObject()
    }
}
