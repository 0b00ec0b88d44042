extension RecordEncoder {
    /// The Graph beta `signIn` of a sign-in (§5.1): v1.0's properties plus the beta-only
    /// `authenticationDetails`, `authenticationRequirement`, `sessionId` and
    /// `uniqueTokenIdentifier`, as a tenant with Entra ID P1 (risk levels `hidden`) sees it.
    func graphSignIn(_ attempt: SignInAttempt, _ random: inout SeededRandom) -> [UInt8] {
        let connection = attempt.connection
        let person = connection.person
        let device = connection.device
        let step = attempt.step
        var writer = JSONWriter(capacity: 3072)
        writer.beginObject()
        writer.field("id", attempt.requestID)
        writer.field("createdDateTime", TimeText.graph(attempt.time))
        writer.field("userDisplayName", person.displayName)
        writer.field("userPrincipalName", person.userPrincipalName)
        writer.field("userId", person.objectID)
        writer.field("appId", attempt.application.id)
        writer.field("appDisplayName", attempt.application.name)
        writer.field("ipAddress", connection.address)
        writer.field("clientAppUsed", attempt.application.clientAppUsed)
        writer.field("userAgent", connection.userAgent)
        writer.field("correlationId", attempt.correlationID)
        let policyApplied = attempt.requiresMFA && step.errorCode == 0
        writer.field("conditionalAccessStatus", policyApplied ? "success" : "notApplied")
        writer.field("originalRequestId", attempt.requestID)
        writer.field("isInteractive", attempt.isInteractive)
        writer.field("tokenIssuerName", "")
        writer.field("tokenIssuerType", "AzureAD")
        writer.field("clientCredentialType", "none")
        writer.field("processingTimeInMilliseconds", 40 + Int(random.next() % 400))
        writer.field("riskDetail", "hidden")
        writer.field("riskLevelAggregated", "hidden")
        writer.field("riskLevelDuringSignIn", "hidden")
        writer.field("riskState", "none")
        writer.key("riskEventTypes")
        writer.beginArray()
        writer.endArray()
        writer.key("riskEventTypes_v2")
        writer.beginArray()
        writer.endArray()
        writer.field("resourceDisplayName", attempt.application.resourceName)
        writer.field("resourceId", attempt.application.resourceID)
        writer.field("resourceTenantId", company.tenantText)
        writer.field("homeTenantId", company.tenantText)
        writer.field("homeTenantName", "")
        writer.key("authenticationMethodsUsed")
        writer.beginArray()
        if step == .passwordAndMFA || step == .keepSignedInInterrupt {
            writer.string("Password")
            writer.string("Mobile app notification")
        }
        writer.endArray()
        writer.field(
            "authenticationRequirement", attempt.requiresMFA && step != .wrongPassword ? "multiFactorAuthentication" : "singleFactorAuthentication")
        writer.field("signInIdentifier", person.userPrincipalName)
        writer.key("signInEventTypes")
        writer.beginArray()
        writer.string(attempt.isInteractive ? "interactiveUser" : "nonInteractiveUser")
        writer.endArray()
        writer.field("servicePrincipalId", "")
        writer.field("userType", "member")
        writer.field("flaggedForReview", false)
        writer.field("isTenantRestricted", false)
        writer.field("autonomousSystemNumber", connection.network.asn)
        writer.field("crossTenantAccessType", "none")
        let incomingToken =
            switch step {
            case .refreshToken: "refreshToken"
            case .tokenClaim: device.trust == nil ? "none" : device.isPhone ? "refreshToken" : "primaryRefreshToken"
            default: "none"
            }
        writer.field("incomingTokenType", incomingToken)
        writer.field("sessionId", connection.session)
        writer.field("uniqueTokenIdentifier", connection.token)

        writer.key("status")
        writer.beginObject()
        writer.field("errorCode", step.errorCode)
        if let reason = step.failureReason {
            writer.field("failureReason", reason)
        } else {
            writer.key("failureReason")
            writer.null()
        }
        writer.key("additionalDetails")
        switch step {
        case .mfaRequired: writer.string("MFA required in Azure AD")
        case .wrongPassword: writer.string("The user didn't enter the right credentials.")
        case .tokenClaim: writer.string("MFA requirement satisfied by claim in the token")
        case .passwordAndMFA, .refreshToken, .keepSignedInInterrupt: writer.null()
        }
        writer.endObject()

        writer.key("deviceDetail")
        writer.beginObject()
        writer.field("deviceId", device.trust == nil ? "" : device.id)
        writer.field("displayName", device.trust == nil ? "" : device.name)
        writer.field("operatingSystem", device.graphOperatingSystem)
        writer.field("browser", attempt.application.isBrowser ? device.graphBrowser : "Rich Client 4.66.0.0")
        writer.field("isCompliant", device.isCompliant)
        writer.field("isManaged", device.isCompliant)
        writer.field("trustType", device.trustType)
        writer.endObject()

        let place = connection.place
        writer.key("location")
        writer.beginObject()
        writer.field("city", place.city)
        writer.field("state", place.state)
        writer.field("countryOrRegion", place.country)
        writer.key("geoCoordinates")
        writer.beginObject()
        writer.key("altitude")
        writer.null()
        writer.key("latitude")
        writer.number(String(place.latitude))
        writer.key("longitude")
        writer.number(String(place.longitude))
        writer.endObject()
        writer.endObject()

        writer.key("appliedConditionalAccessPolicies")
        writer.beginArray()
        writer.beginObject()
        writer.field("id", "6c0d1c3e-8a6f-4f0e-9d1b-2f5a7b3c9e41")
        writer.field("displayName", "Require MFA for all users")
        writer.key("enforcedGrantControls")
        writer.beginArray()
        writer.string("Mfa")
        writer.endArray()
        writer.key("enforcedSessionControls")
        writer.beginArray()
        writer.endArray()
        writer.field("result", policyApplied ? "success" : "notApplied")
        writer.endObject()
        writer.endArray()

        writer.key("authenticationDetails")
        writer.beginArray()
        let stepTime = TimeText.graph(attempt.time)
        func detail(_ method: String, _ methodDetail: String?, _ succeeded: Bool, _ result: String, _ requirement: String) {
            writer.beginObject()
            writer.field("authenticationStepDateTime", stepTime)
            writer.field("authenticationMethod", method)
            if let methodDetail {
                writer.field("authenticationMethodDetail", methodDetail)
            } else {
                writer.key("authenticationMethodDetail")
                writer.null()
            }
            writer.field("succeeded", succeeded)
            writer.field("authenticationStepResultDetail", result)
            writer.field("authenticationStepRequirement", requirement)
            writer.endObject()
        }
        switch step {
        case .passwordAndMFA, .keepSignedInInterrupt:
            detail("Password", "Password in the cloud", true, "Correct password", "Primary authentication")
            detail("Mobile app notification", nil, true, "MFA successfully completed", "Multifactor authentication")
        case .tokenClaim:
            detail("Previously satisfied", nil, true, "First factor requirement satisfied by claim in the token", "Primary authentication")
            detail("Previously satisfied", nil, true, "MFA requirement satisfied by claim in the token", "Multifactor authentication")
        case .refreshToken:
            break
        case .wrongPassword:
            detail(
                "Password", "Password in the cloud", false, "Invalid username or password or Invalid on-premise username or password.",
                "Primary authentication")
        case .mfaRequired:
            detail("Password", "Password in the cloud", true, "Correct password", "Primary authentication")
        }
        writer.endArray()
        writer.endObject()
        return writer.bytes
    }
}
