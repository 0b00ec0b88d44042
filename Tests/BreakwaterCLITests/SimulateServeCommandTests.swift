import BreakwaterTesting
import Foundation
import Testing

@Suite("breakwater simulate serve")
struct SimulateServeCommandTests {
    private let runner = CommandRunner()

    @Test("prints each tenant's id, domain and credentials and the base URL, writes the labels, and stops on SIGINT")
    func servesUntilInterrupted() async throws {
        // Given
        let directory = try TemporaryDirectory()
        let labels = directory.path + "/labels.json"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: runner.executable)
        process.arguments = ["simulate", "--tenants", "2", "--days", "1", "--port", "0", "--speed", "3600x", "--labels", labels]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice

        // When: it has printed its summary
        try process.run()
        var printed = ""
        while !printed.contains("Press Ctrl-C") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed += String(decoding: chunk, as: UTF8.self)
        }

        // Then
        #expect(printed.contains("Base URL: http://127.0.0.1:"))
        #expect(printed.contains("Contoso\n  tenant        9f1c7b2e-4a8d-4c3f-b5e6-2d7a8c9e0f11\n  domain        contoso.com\n"))
        #expect(printed.contains("Fabrikam\n"))
        #expect(printed.contains("  client secret sim~"))
        let written = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: labels))) as? [String: Any]
        let tenants = try #require(written?["tenants"] as? [[String: Any]])
        #expect(tenants.map { $0["domain"] as? String } == ["contoso.com", "fabrikam.com"])
        #expect(tenants.allSatisfy { ($0["truth"] as? [String: Any])?["attack"] != nil })

        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(process.terminationReason == .exit)
    }

    @Test("explains itself in --help")
    func help() throws {
        Golden.check(try runner.run(["simulate", "serve", "--help"]).standardOutput, named: "help-simulate-serve.txt")
    }
}
