public import Foundation

/// Finds test fixtures beside the test that uses them: `Tests/<Target>Tests/Fixtures/`.
///
/// Fixtures are located from the test file's own path (`#filePath`), so that tests run from
/// any working directory and golden files are recorded next to the test.
public enum Fixture {
    /// The URL of `name` in the `Fixtures` folder next to the calling test file.
    public static func url(_ name: String, filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").appendingPathComponent(name)
    }

    /// The path of `name` in the `Fixtures` folder next to the calling test file.
    public static func path(_ name: String, filePath: String = #filePath) -> String {
        url(name, filePath: filePath).path
    }

    /// The bytes of `name` in the `Fixtures` folder next to the calling test file.
    public static func bytes(_ name: String, filePath: String = #filePath) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url(name, filePath: filePath)))
    }
}
