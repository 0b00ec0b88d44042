public import Foundation

/// One content blob the Management Activity API lists: where to fetch it and when it appeared.
public struct ContentItem: Hashable, Sendable, Decodable {
    /// The feed it belongs to.
    public var contentType: ContentType
    /// The blob's opaque id (it contains `$` characters).
    public var contentId: String
    /// The URL to fetch it from, exactly as listed; never rebuilt or re-encoded.
    public var contentUri: String
    /// When the blob became available (not when its events happened): the checkpoint key.
    public var contentCreated: Date
    /// When the blob stops being retrievable (AF20051 after that).
    public var contentExpiration: Date?

    /// - Parameters: see the properties.
    public init(contentType: ContentType, contentId: String, contentUri: String, contentCreated: Date, contentExpiration: Date?) {
        self.contentType = contentType
        self.contentId = contentId
        self.contentUri = contentUri
        self.contentCreated = contentCreated
        self.contentExpiration = contentExpiration
    }
}

/// One page of a content list.
public struct ContentPage: Sendable {
    /// The blobs on this page, in the API's order.
    public var items: [ContentItem]
    /// The next page's URL (from the `NextPageUri` header, any spelling), exactly as sent;
    /// `nil` on the last page.
    public var nextPageURI: String?

    /// - Parameters: see the properties.
    public init(items: [ContentItem], nextPageURI: String?) {
        self.items = items
        self.nextPageURI = nextPageURI
    }
}
