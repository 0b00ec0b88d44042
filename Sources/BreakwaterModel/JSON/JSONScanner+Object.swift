extension JSONScanner {
    /// Reads one JSON value from the start of `buffer`, handing each member to `readMember`
    /// when it is an object (which must consume the member's value).
    ///
    /// - Returns: the offset just after the value, and whether the value was an object
    ///   (anything else is skipped, still validated).
    /// - Throws: ``JSONSyntaxError`` for broken text.
    @inline(__always)
    static func readObject(
        _ buffer: UnsafeBufferPointer<UInt8>,
        _ readMember: (JSONStringReference, inout JSONScanner) throws(JSONSyntaxError) -> Void
    ) throws(JSONSyntaxError) -> (end: Int, isObject: Bool) {
        var scanner = JSONScanner(buffer)
        guard scanner.peek() == UInt8(ascii: "{") else {
            try scanner.skipValue()
            return (scanner.index, false)
        }
        var object = try scanner.beginObject()
        while let key = try scanner.nextKey(in: &object) {
            try readMember(key, &scanner)
        }
        return (scanner.index, true)
    }
}
