import Crypto
import Foundation
import _CryptoExtras

/// A certificate credential: the RSA private key that signs client assertions and the
/// certificate uploaded to the app registration, whose thumbprint names the key to Entra.
///
/// The key never leaves the value; descriptions show only the thumbprint.
public struct ClientCertificate: Sendable, CustomStringConvertible {
    /// How the client assertion is signed and which thumbprint its header carries.
    public enum SignatureAlgorithm: Sendable, Hashable {
        /// RSASSA-PSS with SHA-256, header `x5t#S256` (SHA-256 thumbprint): Microsoft's current guidance.
        case ps256
        /// RSASSA-PKCS1-v1_5 with SHA-256, header `x5t` (SHA-1 thumbprint): the older form, for
        /// clouds or proxies that do not accept PS256.
        case rs256
    }

    let privateKey: _RSA.Signing.PrivateKey
    /// The certificate, DER-encoded.
    public let certificateDER: [UInt8]
    /// How assertions are signed.
    public var algorithm: SignatureAlgorithm

    /// Reads the private key and the certificate.
    ///
    /// - Parameters:
    ///   - privateKeyPEM: a PEM text holding an unencrypted RSA private key (`BEGIN PRIVATE KEY`
    ///     or `BEGIN RSA PRIVATE KEY`), of at least 2,048 bits; other PEM blocks in the text (such
    ///     as the certificate itself) are ignored.
    ///   - certificate: the certificate, DER bytes or PEM text (`BEGIN CERTIFICATE`).
    ///   - algorithm: how assertions are signed.
    /// - Throws: ``CertificateReadingError`` naming what could not be read.
    public init(privateKeyPEM: String, certificate: [UInt8], algorithm: SignatureAlgorithm = .ps256) throws(CertificateReadingError) {
        guard let keyBlock = PEMBlock.first(in: privateKeyPEM, labels: ["PRIVATE KEY", "RSA PRIVATE KEY"]) else {
            throw CertificateReadingError("the key text holds no unencrypted RSA private key block (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY)")
        }
        do {
            privateKey = try _RSA.Signing.PrivateKey(pemRepresentation: keyBlock.text)
        } catch {
            throw CertificateReadingError("the private key could not be read as an RSA key of at least 2,048 bits")
        }
        if let text = String(validating: certificate, as: UTF8.self), text.contains("-----BEGIN") {
            guard let block = PEMBlock.first(in: text, labels: ["CERTIFICATE"]), let der = block.bytes else {
                throw CertificateReadingError("the certificate text holds no readable BEGIN CERTIFICATE block")
            }
            certificateDER = der
        } else {
            certificateDER = certificate
        }
        guard certificateDER.first == 0x30, certificateDER.count > 64 else {
            throw CertificateReadingError("the certificate is neither DER nor PEM")
        }
        self.algorithm = algorithm
    }

    /// The SHA-256 digest of the DER certificate (the `x5t#S256` thumbprint, before base64url).
    public var sha256Thumbprint: [UInt8] { Array(SHA256.hash(data: certificateDER)) }

    /// The SHA-1 digest of the DER certificate (the `x5t` thumbprint and the hex thumbprint
    /// Entra shows), before base64url.
    public var sha1Thumbprint: [UInt8] { Array(Insecure.SHA1.hash(data: certificateDER)) }

    public var description: String {
        "certificate " + sha1Thumbprint.map { String(format: "%02X", $0) }.joined()
    }

    /// The signature over `signingInput` with ``algorithm``.
    func sign(_ signingInput: [UInt8]) throws -> [UInt8] {
        let digest = SHA256.hash(data: signingInput)
        let padding: _RSA.Signing.Padding =
            switch algorithm {
            case .ps256: .PSS
            case .rs256: .insecurePKCS1v1_5
            }
        let signature = try privateKey.signature(for: digest, padding: padding)
        return signature.withUnsafeBytes { Array($0) }
    }
}

/// The key or certificate given for a tenant could not be read.
public struct CertificateReadingError: Error, Sendable, CustomStringConvertible {
    /// What is wrong with it.
    public var message: String

    init(_ message: String) {
        self.message = message
    }

    public var description: String { "unusable certificate credential: \(message)" }
}

/// One `-----BEGIN label----- … -----END label-----` block of a PEM text.
struct PEMBlock {
    /// The block, armour lines included.
    var text: String
    /// The base64 body.
    var body: String

    /// The block's DER bytes.
    var bytes: [UInt8]? {
        Data(base64Encoded: body.filter { !$0.isWhitespace }).map { Array($0) }
    }

    /// The first block with one of `labels`.
    static func first(in text: String, labels: [String]) -> PEMBlock? {
        var earliest: (range: Range<String.Index>, body: Range<String.Index>)?
        for label in labels {
            guard let begin = text.range(of: "-----BEGIN \(label)-----"),
                let end = text.range(of: "-----END \(label)-----", range: begin.upperBound..<text.endIndex)
            else { continue }
            if earliest == nil || begin.lowerBound < earliest!.range.lowerBound {
                earliest = (begin.lowerBound..<end.upperBound, begin.upperBound..<end.lowerBound)
            }
        }
        return earliest.map { PEMBlock(text: String(text[$0.range]), body: String(text[$0.body])) }
    }
}
