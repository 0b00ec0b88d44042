public import Foundation

/// Where one Microsoft cloud's services answer, and the resource each token is for.
///
/// Base URLs are configuration: the same clients talk to Microsoft's commercial cloud, the
/// US government clouds, or the simulator on loopback. The resources (token audiences) stay
/// Microsoft's own names even when the base URL points elsewhere, as the simulator expects.
public struct CloudEndpoints: Sendable, Hashable, Codable {
    /// The sign-in authority; tokens come from `{authority}/{tenant}/oauth2/v2.0/token`.
    public var authority: URL
    /// The Office 365 Management Activity API host; calls go to `{base}/api/v1.0/{tenant}/activity/feed/…`.
    public var managementAPI: URL
    /// The audience of Management Activity API tokens (scope `{resource}/.default`).
    public var managementResource: String
    /// The Microsoft Graph host; calls go to `{base}/v1.0/…` or `{base}/beta/…`.
    public var graph: URL
    /// The audience of Graph tokens (scope `{resource}/.default`).
    public var graphResource: String

    /// - Parameters: see the properties.
    public init(authority: URL, managementAPI: URL, managementResource: String, graph: URL, graphResource: String) {
        self.authority = authority
        self.managementAPI = managementAPI
        self.managementResource = managementResource
        self.graph = graph
        self.graphResource = graphResource
    }

    /// Microsoft's worldwide (commercial) cloud.
    public static let commercial = CloudEndpoints(
        authority: URL(string: "https://login.microsoftonline.com")!, managementAPI: URL(string: "https://manage.office.com")!,
        managementResource: "https://manage.office.com", graph: URL(string: "https://graph.microsoft.com")!,
        graphResource: "https://graph.microsoft.com")

    /// US Government Community Cloud: its own Management API host, the commercial sign-in and Graph.
    public static let gcc = CloudEndpoints(
        authority: URL(string: "https://login.microsoftonline.com")!, managementAPI: URL(string: "https://manage-gcc.office.com")!,
        managementResource: "https://manage-gcc.office.com", graph: URL(string: "https://graph.microsoft.com")!,
        graphResource: "https://graph.microsoft.com")

    /// US Government Community Cloud High.
    public static let gccHigh = CloudEndpoints(
        authority: URL(string: "https://login.microsoftonline.us")!, managementAPI: URL(string: "https://manage.office365.us")!,
        managementResource: "https://manage.office365.us", graph: URL(string: "https://graph.microsoft.us")!,
        graphResource: "https://graph.microsoft.us")

    /// US Department of Defense.
    public static let dod = CloudEndpoints(
        authority: URL(string: "https://login.microsoftonline.us")!, managementAPI: URL(string: "https://manage.protection.apps.mil")!,
        managementResource: "https://manage.protection.apps.mil", graph: URL(string: "https://dod-graph.microsoft.us")!,
        graphResource: "https://dod-graph.microsoft.us")

    /// Every service at one base URL (the simulator), with the commercial cloud's resources.
    public static func simulator(at base: URL) -> CloudEndpoints {
        CloudEndpoints(
            authority: base, managementAPI: base, managementResource: commercial.managementResource, graph: base,
            graphResource: commercial.graphResource)
    }

    /// The cloud named `name` (`commercial`, `gcc`, `gcc-high`, `dod`), if it is one.
    public static func named(_ name: String) -> CloudEndpoints? {
        switch name.lowercased() {
        case "commercial", "worldwide", "global": commercial
        case "gcc": gcc
        case "gcc-high", "gcchigh": gccHigh
        case "dod": dod
        default: nil
        }
    }
}
