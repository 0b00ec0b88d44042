public import Foundation
import NIOHTTP1

extension ManagementActivityClient {
    /// A content blob saved to a file of its own, complete.
    public struct DownloadedContent: Sendable {
        /// The file holding the blob's JSON array of audit records. The caller removes it once
        /// the records are committed.
        public var file: URL
        /// The blob's size in bytes.
        public var byteCount: Int
    }

    /// Every blob of `contentType` whose `contentCreated` falls in `window`, all pages followed.
    ///
    /// - Throws: ``ManagementAPIError`` (``ManagementAPIError/Classification/badWindow`` when
    ///   the window is refused; ``ManagementAPIError/Classification/retry`` for an invalid next
    ///   page), ``AuthenticationError`` or ``TransportError``.
    public func listContent(_ contentType: ContentType, in window: ContentWindow) async throws -> [ContentItem] {
        var page = try await listContentPage(contentType, in: window)
        var items = page.items
        while let next = page.nextPageURI {
            page = try await listContentPage(at: next)
            items += page.items
        }
        return items
    }

    /// The first page of blobs of `contentType` in `window`.
    ///
    /// - Throws: as ``listContent(_:in:)``.
    public func listContentPage(_ contentType: ContentType, in window: ContentWindow) async throws -> ContentPage {
        let url = feedURL(
            "subscriptions/content",
            [("contentType", contentType.rawValue), ("startTime", window.startParameter), ("endTime", window.endParameter)])
        return try await contentPage(at: url)
    }

    /// The page at `nextPageURI` (a previous page's ``ContentPage/nextPageURI``), followed as
    /// written, with `PublisherIdentifier` appended if it lacks one.
    ///
    /// - Throws: as ``listContent(_:in:)``.
    public func listContentPage(at nextPageURI: String) async throws -> ContentPage {
        try await contentPage(at: withPublisher(nextPageURI))
    }

    private func contentPage(at url: String) async throws -> ContentPage {
        try await send(OutgoingRequest(.GET, url)) { response in
            guard response.status == 200 else { throw error(in: response) }
            let items = try MicrosoftJSON.decode([ContentItem].self, from: response.body, what: "the content list")
            return ContentPage(items: items, nextPageURI: Self.nextPageURI(in: response.headers))
        }
    }

    /// The `NextPageUri` header's value, spelt `NextPageUri` or `NextPageUrl`, in any case.
    static func nextPageURI(in headers: HTTPHeaders) -> String? {
        let names: Set<String> = ["nextpageuri", "nextpageurl"]
        let value = headers.first { names.contains($0.name.lowercased()) }?.value.trimmingCharacters(in: .whitespaces)
        return value?.isEmpty == false ? value : nil
    }

    /// Fetches `item`'s blob into a new file in `directory` (see ``downloadContent(at:into:)``).
    public func downloadContent(_ item: ContentItem, into directory: URL) async throws -> DownloadedContent {
        try await downloadContent(at: item.contentUri, into: directory)
    }

    /// Fetches the blob at `contentUri` (used verbatim, `PublisherIdentifier` appended) into a
    /// new file in `directory`, streaming it to disk so that it is never held in memory.
    ///
    /// The file is handed back only when the blob is complete: every byte `Content-Length`
    /// announced arrived and the JSON array closes. A connection cut short is retried as the
    /// ``RetryPolicy`` allows and then thrown as a retryable ``TransportError`` with code
    /// ``TransportError/Code/truncatedBody``; a partial file is removed, never returned.
    ///
    /// - Throws: ``ManagementAPIError`` (``ManagementAPIError/Classification/contentGone`` or
    ///   ``ManagementAPIError/Classification/contentExpired`` for a blob that cannot be had),
    ///   ``AuthenticationError`` or ``TransportError``.
    public func downloadContent(at contentUri: String, into directory: URL) async throws -> DownloadedContent {
        let downloaded = try await transport.download(
            OutgoingRequest(.GET, withPublisher(contentUri)), as: credentials, resource: endpoints.managementResource,
            trusting: endpoints.managementAPI, into: directory, closingByte: UInt8(ascii: "]"), failure: { error(in: $0) })
        return DownloadedContent(file: downloaded.file, byteCount: downloaded.byteCount)
    }
}
