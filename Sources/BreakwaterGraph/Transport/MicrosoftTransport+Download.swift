import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

extension MicrosoftTransport {
    /// A body written to a file in full.
    struct DownloadedFile: Sendable {
        var file: URL
        var byteCount: Int
    }

    /// Sends `request` and streams a 200 response's body into a new file in `directory`, so
    /// that the body is never held in memory; retries as ``send(_:as:resource:trusting:interpret:)``.
    ///
    /// A body is complete when the connection delivered every byte `Content-Length` announced
    /// and, if `closingByte` is given, its last non-whitespace byte is that one. Anything less
    /// is a retryable ``TransportError/Code/truncatedBody``; the partial file is removed and
    /// never returned.
    ///
    /// - Parameter failure: the API's error for a response other than 200.
    func download(
        _ request: OutgoingRequest, as credentials: TenantCredentials, resource: String, trusting base: URL, into directory: URL,
        closingByte: UInt8?, failure: (ReceivedResponse) -> any Error
    ) async throws -> DownloadedFile {
        try await withRetries(request, tenant: credentials.tenant) {
            try checkTrusted(request.url, base: base)
            let token = try await tokens.accessToken(for: credentials, resource: resource)
            try await rateLimiter.acquire(for: credentials.tenant)
            let response = try await head(request, bearer: token.value)
            guard response.status == .ok else {
                let small = try? await response.body.collect(upTo: 1 << 20)
                let received = ReceivedResponse(
                    status: Int(response.status.code), headers: response.headers, body: small.map { Array($0.readableBytesView) } ?? [])
                return try await interpreting(received, token: token, credentials: credentials) { response -> DownloadedFile in throw failure(response) }
            }
            let file = directory.appendingPathComponent("content-\(UUID().uuidString.lowercased()).json")
            do {
                let count = try await write(response, of: request, to: file, closingByte: closingByte)
                return DownloadedFile(file: file, byteCount: count)
            } catch {
                try? FileManager.default.removeItem(at: file)
                throw error
            }
        }
    }

    /// Streams `response`'s body into `file` and checks that it is complete.
    private func write(_ response: HTTPClientResponse, of request: OutgoingRequest, to file: URL, closingByte: UInt8?) async throws -> Int {
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
            throw TransportError(code: .fileWriteFailed, message: "could not create \(file.path)")
        }
        let handle: FileHandle
        do {
            handle = try FileHandle(forWritingTo: file)
        } catch {
            throw TransportError(code: .fileWriteFailed, message: "could not open \(file.path)", underlying: error)
        }
        defer { try? handle.close() }
        var count = 0
        var lastSignificant: UInt8?
        do {
            for try await chunk in response.body {
                count += chunk.readableBytes
                guard count <= configuration.maximumContentBytes else {
                    throw TransportError(
                        code: .responseTooLarge, message: "the content at \(request.url) is over \(configuration.maximumContentBytes) bytes")
                }
                if let last = chunk.readableBytesView.last(where: { !Self.isWhitespace($0) }) { lastSignificant = last }
                do {
                    try chunk.withUnsafeReadableBytes { try handle.write(contentsOf: $0) }
                } catch {
                    throw TransportError(code: .fileWriteFailed, message: "could not write \(file.path)", underlying: error)
                }
            }
        } catch let error as TransportError {
            throw error
        } catch {
            throw TransportError(
                code: .truncatedBody, message: "the connection ended after \(count) bytes of the content at \(request.url)", underlying: error)
        }
        if let announced = response.headers.first(name: "content-length").flatMap(Int.init), announced != count {
            throw TransportError(code: .truncatedBody, message: "the content at \(request.url) has \(count) of its \(announced) bytes")
        }
        if let closingByte, lastSignificant != closingByte {
            throw TransportError(
                code: .truncatedBody,
                message: "the content at \(request.url) ends without its closing '\(Character(Unicode.Scalar(closingByte)))'")
        }
        return count
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
