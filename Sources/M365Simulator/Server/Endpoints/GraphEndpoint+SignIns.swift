import BreakwaterModel

extension GraphEndpoint {
    /// `GET /auditLogs/signIns` (contract §5.1): newest first, `$filter`, `$top` ≤ 1000 and an
    /// opaque `$skiptoken` cursor; v1.0's properties on `/v1.0`, everything on `/beta`.
    func signIns(_ call: Call) async -> Reply {
        guard call.tenant.configuration.hasEntraIDP1 else {
            return Self.error(
                403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant", "Neither tenant is B2C or tenant doesn't have premium license",
                request: call.request, now: call.now)
        }
        if let denied = Self.require(["AuditLog.Read.All"], call) { return denied }
        if let throttled = await Self.admitReportsRequest(call, clock: clock) { return throttled }
        let top: Int
        switch Self.pageSize(call, fallback: 1000, maximum: 1000) {
        case .success(let size): top = size
        case .failure(let reply): return reply
        }
        let filter: GraphFilter?
        switch Self.filter(call, properties: SignInEntry.filterablePaths) {
        case .success(let parsed): filter = parsed
        case .failure(let reply): return reply
        }
        if let order = call.request.parameter("$orderby"), order.lowercased() != "createddatetime desc" {
            return Self.error(400, "BadRequest", "The simulator orders sign-ins by createdDateTime desc only.", request: call.request, now: call.now)
        }
        var cursor: (time: Int64, id: String)?
        if let token = call.request.parameter("$skiptoken") {
            guard let text = Self.decodeSkipToken(token), let separator = text.firstIndex(of: "|"), let time = Int64(text[..<separator]) else {
                return Self.error(400, "BadRequest", "Invalid $skiptoken.", request: call.request, now: call.now)
            }
            cursor = (time, String(text[text.index(after: separator)...]))
        }

        var page: [SignInEntry] = []
        var hasMore = false
        for entry in call.tenant.content.signIns where entry.visible <= call.now {
            if let cursor, entry.time > cursor.time || (entry.time == cursor.time && entry.id >= cursor.id) { continue }
            if let filter, !filter.matches(entry.fields) { continue }
            if page.count == top {
                hasMore = true
                break
            }
            page.append(entry)
        }
        let next = hasMore ? page.last.map { Self.nextLink(call, skipToken: Self.encodeSkipToken("\($0.time)|\($0.id)")) } : nil
        return Self.collection(
            context: "\(call.root)/$metadata#auditLogs/signIns", elements: page.map { call.version == "beta" ? $0.beta : $0.v1 }, nextLink: next)
    }
}
