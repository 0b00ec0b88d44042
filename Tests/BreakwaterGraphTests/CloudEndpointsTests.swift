import BreakwaterGraph
import Foundation
import Testing

@Suite("Cloud endpoints")
struct CloudEndpointsTests {
    @Test("each cloud has its own Management API host; government clouds sign in elsewhere")
    func clouds() throws {
        #expect(CloudEndpoints.named("commercial")?.managementAPI.host == "manage.office.com")
        #expect(CloudEndpoints.named("GCC")?.managementAPI.host == "manage-gcc.office.com")
        #expect(CloudEndpoints.named("gcc")?.authority.host == "login.microsoftonline.com")
        #expect(CloudEndpoints.named("gcc-high")?.authority.host == "login.microsoftonline.us")
        #expect(CloudEndpoints.named("dod")?.managementAPI.host == "manage.protection.apps.mil")
        #expect(CloudEndpoints.named("mars") == nil)
    }

    @Test("the simulator takes every base URL but keeps Microsoft's resource names")
    func simulator() throws {
        let base = try #require(URL(string: "http://127.0.0.1:8443"))
        let endpoints = CloudEndpoints.simulator(at: base)
        #expect([endpoints.authority, endpoints.managementAPI, endpoints.graph].allSatisfy { $0 == base })
        #expect(endpoints.managementResource == "https://manage.office.com")
        #expect(endpoints.graphResource == "https://graph.microsoft.com")
    }
}
