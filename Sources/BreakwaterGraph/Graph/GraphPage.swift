import BreakwaterModel

/// A value Graph returns in a collection's `value` array, built from that element's JSON.
public protocol GraphCollectionElement: Sendable {
    /// Reads one element from its JSON text, exactly as Graph sent it.
    init(graphJSON: [UInt8]) throws
}

/// One page of a Graph collection.
///
/// Ask the client for the next with ``GraphClient/nextPage(after:)`` until it returns `nil`.
public struct GraphPage<Element: GraphCollectionElement>: Sendable {
    /// The elements on this page (a page may be empty and still have a next one).
    public var elements: [Element]
    /// The `@odata.nextLink`, followed verbatim; `nil` on the last page.
    public var nextLink: String?

    /// - Parameters: see the properties.
    public init(elements: [Element], nextLink: String?) {
        self.elements = elements
        self.nextLink = nextLink
    }

    /// Reads `{"@odata.nextLink": …, "value": [ … ]}`, handing each element's bytes to
    /// ``GraphCollectionElement/init(graphJSON:)``.
    ///
    /// - Throws: ``TransportError`` with code ``TransportError/Code/malformedResponse``.
    init(json bytes: [UInt8]) throws {
        var elementTexts: [[UInt8]] = []
        var nextLink: String?
        var sawValue = false
        let syntaxError: JSONSyntaxError? = bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer)
            do throws(JSONSyntaxError) {
                var object = try scanner.beginObject()
                while let key = try scanner.nextKey(in: &object) {
                    if scanner.matches(key, "@odata.nextLink") {
                        nextLink = try scanner.readScalarText()
                    } else if scanner.matches(key, "value") {
                        sawValue = true
                        var array = try scanner.beginArray()
                        while try scanner.nextElement(in: &array) {
                            let start = scanner.index
                            try scanner.skipValue()
                            elementTexts.append(Array(buffer[start..<scanner.index]))
                        }
                    } else {
                        try scanner.skipValue()
                    }
                }
                try scanner.expectEnd()
                return nil
            } catch {
                return error
            }
        }
        if let syntaxError {
            throw TransportError(code: .malformedResponse, message: "a Graph page is not valid JSON", underlying: syntaxError)
        }
        guard sawValue else { throw TransportError(code: .malformedResponse, message: "a Graph page has no value array") }
        do {
            self.elements = try elementTexts.map(Element.init(graphJSON:))
        } catch {
            throw TransportError(code: .malformedResponse, message: "an element of a Graph page is not what the API documents", underlying: error)
        }
        self.nextLink = nextLink?.isEmpty == false ? nextLink : nil
    }
}
