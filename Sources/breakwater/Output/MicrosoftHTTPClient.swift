import AsyncHTTPClient
import BreakwaterGraph

/// Runs `body` with an HTTP client set up for Microsoft's APIs (no redirects, bounded
/// timeouts) and shuts the client down however `body` ends: a client dropped while running
/// stops the process.
func withMicrosoftHTTPClient<Result>(_ body: (HTTPClient) async throws -> Result) async throws -> Result {
    let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: MicrosoftTransport.httpClientConfiguration())
    let result: Result
    do {
        result = try await body(http)
    } catch {
        try? await http.shutdown()
        throw error
    }
    try await http.shutdown()
    return result
}
