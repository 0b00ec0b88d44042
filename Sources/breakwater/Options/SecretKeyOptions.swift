import ArgumentParser
import BreakwaterStore
import Foundation

/// The `--key-file` option: where the key that seals tenant credentials is kept.
struct SecretKeyOptions: ParsableArguments {
    @Option(
        name: .customLong("key-file"),
        help: ArgumentHelp(
            "The key that seals tenant credentials (keep it apart from the archive and back it up).",
            discussion: """
                Default: $BREAKWATER_KEY_FILE, else $XDG_CONFIG_HOME/breakwater/secret.key \
                (~/.config/breakwater/secret.key), created on first use. $BREAKWATER_SECRET_KEY \
                (base64 of 32 bytes) takes precedence over any file.
                """,
            valueName: "path"))
    var path: String?

    /// The key file: the option, then `BREAKWATER_KEY_FILE`, then the per-user configuration directory.
    var resolvedPath: String {
        if let path { return path }
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["BREAKWATER_KEY_FILE"], !path.isEmpty { return path }
        let configHome = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".config")
        return (configHome as NSString).appendingPathComponent("breakwater/secret.key")
    }

    /// The box, creating the key file when `create` and there is none.
    func box(create: Bool) throws -> SecretBox {
        do {
            return try SecretBox.load(file: resolvedPath, create: create)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
