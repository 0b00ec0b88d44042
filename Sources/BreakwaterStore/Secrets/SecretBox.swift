public import BreakwaterModel
import Crypto
import Glibc
public import Foundation

/// Seals tenant credentials with AES-256-GCM under a key kept outside the archive (a file
/// or an environment variable), so that a copy of the database alone reveals no secret.
///
/// Each sealed value is bound to its tenant and purpose (authenticated data), so a sealed
/// secret copied onto another tenant's row does not open.
public struct SecretBox: Sendable {
    private let key: SymmetricKey

    /// The environment variable that may hold the key (base64 of 32 bytes).
    public static let environmentVariable = "BREAKWATER_SECRET_KEY"

    /// A box with `key` (32 bytes).
    public init(key: Data) throws(SecretBoxError) {
        guard key.count == 32 else { throw .badKey("the key must be 32 bytes (base64: 44 characters), not \(key.count)") }
        self.key = SymmetricKey(data: key)
    }

    /// The key from `$BREAKWATER_SECRET_KEY` if set, else from `file`, which is created
    /// (readable by its owner only) with a new random key when it does not exist and `create`
    /// is true.
    public static func load(file: String, environment: [String: String] = ProcessInfo.processInfo.environment, create: Bool) throws(SecretBoxError) -> SecretBox {
        if let text = environment[environmentVariable] {
            guard let key = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw .badKey("$\(environmentVariable) is not base64")
            }
            return try SecretBox(key: key)
        }
        if FileManager.default.fileExists(atPath: file) {
            // A key file that exists but cannot be read is an error, never a reason to make a
            // new key: that would lose every credential sealed with the old one.
            guard let contents = FileManager.default.contents(atPath: file), let text = String(data: contents, encoding: .utf8),
                let key = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines))
            else { throw .badKey("\(file) cannot be read as a base64 key; it is left as it is") }
            return try SecretBox(key: key)
        }
        guard create else {
            throw .missingKey("no key: set $\(environmentVariable) or provide \(file) (the key the credentials were sealed with)")
        }
        let key = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        try createKeyFile(file, holding: Data(key.base64EncodedString().utf8))
        return try SecretBox(key: key)
    }

    /// Creates `file` readable by its owner only from the first byte (never an existing file).
    private static func createKeyFile(_ file: String, holding contents: Data) throws(SecretBoxError) {
        let directory = (file as NSString).deletingLastPathComponent
        if !directory.isEmpty { try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        let descriptor = Glibc.open(file, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw .missingKey("cannot create the key file \(file): \(String(cString: strerror(errno)))") }
        defer { Glibc.close(descriptor) }
        let written = contents.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        guard written == contents.count else { throw .missingKey("cannot write the key file \(file): \(String(cString: strerror(errno)))") }
    }

    /// Seals `plaintext` for `purpose` of `tenant`.
    public func seal(_ plaintext: Data, tenant: TenantID, purpose: String) throws(SecretBoxError) -> Data {
        do {
            guard let combined = try AES.GCM.seal(plaintext, using: key, authenticating: Self.context(tenant, purpose)).combined else {
                throw SecretBoxError.cannotOpen("sealing failed")
            }
            return combined
        } catch let error as SecretBoxError {
            throw error
        } catch {
            throw .cannotOpen("sealing failed: \(error)")
        }
    }

    /// Opens what ``seal(_:tenant:purpose:)`` sealed for the same tenant and purpose.
    public func open(_ sealed: Data, tenant: TenantID, purpose: String) throws(SecretBoxError) -> Data {
        do {
            return try AES.GCM.open(AES.GCM.SealedBox(combined: sealed), using: key, authenticating: Self.context(tenant, purpose))
        } catch {
            throw .cannotOpen("the credential of tenant \(tenant) does not open with this key (a different key, or a damaged or moved value)")
        }
    }

    private static func context(_ tenant: TenantID, _ purpose: String) -> Data {
        Data("breakwater/\(tenant)/\(purpose)".utf8)
    }
}

/// Why a secret could not be sealed or opened.
public enum SecretBoxError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingKey(String)
    case badKey(String)
    case cannotOpen(String)

    public var description: String {
        switch self {
        case .missingKey(let message), .badKey(let message), .cannotOpen(let message): message
        }
    }
}
