import BreakwaterModel

/// One Graph sign-in as `/auditLogs/signIns` serves it: beta's full object, v1.0's subset,
/// and the fields `$filter` can test.
struct SignInEntry: Sendable {
    let id: String
    /// `createdDateTime`, milliseconds since 1970.
    let time: Int64
    /// When Graph starts returning it.
    let visible: Int64
    let beta: [UInt8]
    let v1: [UInt8]
    let fields: FilterFields

    init?(_ json: [UInt8], time: Int64, delivery: ContentDelivery, dice: FaultDice) {
        guard let value = try? JSONValue(parsing: json), case .object(let members) = value, let id = value["id"]?.stringValue else { return nil }
        self.id = id
        self.time = time
        var random = dice.generator("sign-in latency", id)
        let range = delivery.signInLatency
        visible = time + random.milliseconds(in: Int64(range.lowerBound.milliseconds)..<Int64(range.upperBound.milliseconds) + 1)
        beta = json
        v1 = Array(JSONValue.object(members.filter { Self.v1Properties.contains($0.key) }).jsonText.utf8)
        fields = FilterFields(value, paths: Self.filterablePaths)
    }

    /// The v1.0 `signIn` properties (contract §5.1): everything else is beta only.
    static let v1Properties: Set<String> = [
        "id", "appDisplayName", "appId", "appliedConditionalAccessPolicies", "authenticationAppDeviceDetails", "clientAppUsed",
        "conditionalAccessStatus", "correlationId", "createdDateTime", "deviceDetail", "homeTenantId", "ipAddress", "isInteractive", "location",
        "resourceDisplayName", "resourceId", "resourceTenantId", "riskDetail", "riskEventTypes", "riskEventTypes_v2", "riskLevelAggregated",
        "riskLevelDuringSignIn", "riskState", "servicePrincipalId", "servicePrincipalName", "status", "userAgent", "userDisplayName", "userId",
        "userPrincipalName",
    ]

    /// The properties `$filter` supports on sign-ins in the simulator.
    static let filterablePaths = [
        "id", "createdDateTime", "userPrincipalName", "userDisplayName", "userId", "appId", "appDisplayName", "ipAddress", "correlationId",
        "clientAppUsed", "conditionalAccessStatus", "resourceId", "resourceDisplayName", "isInteractive", "status/errorCode",
        "location/city", "location/countryOrRegion", "deviceDetail/browser", "deviceDetail/operatingSystem",
    ]
}
