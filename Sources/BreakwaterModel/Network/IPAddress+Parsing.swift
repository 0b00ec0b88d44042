extension IPAddress {
    /// Reads a client address as audit records write it; `nil` when there is none.
    ///
    /// Handles surrounding whitespace, a port after IPv4 (`1.2.3.4:51000`), a bracketed IPv6
    /// with or without a port (`[2001:db8::1]:443`), a zone (`fe80::1%eth0`), IPv4-mapped IPv6
    /// (returned as IPv4), and the placeholders `null`, `<null>` and the empty string.
    public init?(auditText text: String) {
        var text = text
        guard let address = text.withUTF8({ Self.parseAuditText($0) }) else { return nil }
        self = address
    }

    /// Reads an address written plainly: a dotted quad or IPv6 text, nothing around it.
    public init?(_ text: String) {
        var text = text
        guard let address = text.withUTF8({ Self.parseAddress($0) }) else { return nil }
        self = address
    }

    static func parseAuditText(_ text: UnsafeBufferPointer<UInt8>) -> IPAddress? {
        var start = 0
        var end = text.count
        while start < end, text[start] == UInt8(ascii: " ") || text[start] == UInt8(ascii: "\t") { start += 1 }
        while end > start, text[end - 1] == UInt8(ascii: " ") || text[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        guard start < end else { return nil }
        if text[start] == UInt8(ascii: "[") {
            guard let close = (start..<end).first(where: { text[$0] == UInt8(ascii: "]") }) else { return nil }
            return parseAddress(UnsafeBufferPointer(rebasing: text[(start + 1)..<close]))
        }
        var colons = 0
        var lastColon = start
        for position in start..<end where text[position] == UInt8(ascii: ":") {
            colons += 1
            lastColon = position
        }
        if colons == 1 {
            // IPv4 with a port: the port must be digits.
            guard (lastColon + 1..<end).allSatisfy({ JSONScanner.isDigit(text[$0]) }) else { return nil }
            end = lastColon
        }
        return parseAddress(UnsafeBufferPointer(rebasing: text[start..<end]))
    }

    static func parseAddress(_ text: UnsafeBufferPointer<UInt8>) -> IPAddress? {
        guard !text.isEmpty else { return nil }
        if !text.contains(UInt8(ascii: ":")) {
            return parseIPv4(text).map { IPAddress(ipv4: $0) }
        }
        var text = text
        if let zone = text.firstIndex(of: UInt8(ascii: "%")) {
            text = UnsafeBufferPointer(rebasing: text[..<zone])
        }
        return parseIPv6(text)
    }

    /// Parses `a.b.c.d` with each part 0–255 and no leading zeros beyond a lone `0`.
    static func parseIPv4(_ text: UnsafeBufferPointer<UInt8>) -> UInt32? {
        var value: UInt32 = 0
        var part: UInt32 = 0
        var digits = 0
        var parts = 0
        for byte in text {
            if byte == UInt8(ascii: ".") {
                guard digits > 0, parts < 3 else { return nil }
                value = value << 8 | part
                parts += 1
                part = 0
                digits = 0
            } else {
                let digit = byte &- UInt8(ascii: "0")
                guard digit < 10, digits < 3, !(digits == 1 && part == 0) else { return nil }
                part = part * 10 + UInt32(digit)
                digits += 1
                guard part <= 255 else { return nil }
            }
        }
        guard digits > 0, parts == 3 else { return nil }
        return value << 8 | part
    }

    /// Parses IPv6 text (RFC 4291 §2.2), including `::` and a trailing dotted quad.
    static func parseIPv6(_ text: UnsafeBufferPointer<UInt8>) -> IPAddress? {
        var groups: [UInt16] = []
        groups.reserveCapacity(8)
        var compressAt: Int?
        var position = 0
        if text.count >= 2, text[0] == UInt8(ascii: ":"), text[1] == UInt8(ascii: ":") {
            compressAt = 0
            position = 2
        } else if text.first == UInt8(ascii: ":") {
            return nil
        }
        while position < text.count {
            var end = position
            while end < text.count, text[end] != UInt8(ascii: ":") { end += 1 }
            let field = UnsafeBufferPointer(rebasing: text[position..<end])
            if field.contains(UInt8(ascii: ".")) {
                guard end == text.count, groups.count <= 6, let ipv4 = parseIPv4(field) else { return nil }
                groups.append(UInt16(ipv4 >> 16))
                groups.append(UInt16(ipv4 & 0xFFFF))
                position = end
                break
            }
            guard !field.isEmpty, field.count <= 4 else { return nil }
            var group: UInt16 = 0
            for byte in field {
                guard let digit = JSONScanner.hexValue(byte) else { return nil }
                group = group << 4 | UInt16(digit)
            }
            groups.append(group)
            guard groups.count <= 8 else { return nil }
            position = end
            if position < text.count {
                position += 1  // the ':'
                if position < text.count, text[position] == UInt8(ascii: ":") {
                    guard compressAt == nil else { return nil }
                    compressAt = groups.count
                    position += 1
                } else if position == text.count {
                    return nil  // a single trailing ':'
                }
            }
        }
        if let compressAt {
            guard groups.count < 8 else { return nil }
            groups.insert(contentsOf: repeatElement(0, count: 8 - groups.count), at: compressAt)
        }
        guard groups.count == 8 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for (index, group) in groups.enumerated() {
            if index < 4 { high = high << 16 | UInt64(group) } else { low = low << 16 | UInt64(group) }
        }
        return IPAddress(high: high, low: low)
    }
}
