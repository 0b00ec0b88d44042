/// Finds where a JSON value ends by tracking only brackets and strings — or, when its
/// brackets do not balance, where the next value of the stream begins.
///
/// Used when the full reader has rejected a value as malformed (to find how much to
/// quarantine) and to skip a value too large to hold. It scans resumably: feed it the window
/// again after reading more.
struct JSONElementSplitter {
    /// What a scan found.
    enum Outcome {
        /// The value ends just before this index.
        case elementEnds(Int)
        /// The brackets did not balance; the next value starts at this index.
        case nextElementAt(Int)
        /// The window ran out; everything before this index has been scanned.
        case needMore(scanned: Int)
    }

    /// Whether values are separated by commas (inside an array) rather than by new lines.
    let resyncAfterComma: Bool
    private var closers: [UInt8] = []
    private var inString = false
    private var escaped = false
    private var started = false
    private var resyncing = false
    private var sawSeparator = false
    /// The last byte outside strings that was not whitespace.
    private var lastSignificant: UInt8 = 0

    init(resyncAfterComma: Bool) {
        self.resyncAfterComma = resyncAfterComma
    }

    /// Scans `bytes` from `from`; `elementStart` is where the value begins (read once).
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, elementStart: Int) -> Outcome {
        var index = from
        if !started {
            started = true
            guard elementStart < bytes.count else { return .needMore(scanned: elementStart) }
            switch bytes[elementStart] {
            case UInt8(ascii: "{"): closers.append(UInt8(ascii: "}"))
            case UInt8(ascii: "["): closers.append(UInt8(ascii: "]"))
            default: resyncing = true
            }
            lastSignificant = bytes[elementStart]
            index = elementStart + 1
        }
        let separator = resyncAfterComma ? UInt8(ascii: ",") : UInt8(ascii: "\n")
        while index < bytes.count {
            let byte = bytes[index]
            defer { index += 1 }
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    lastSignificant = byte
                }
                continue
            }
            if resyncing {
                if byte == separator {
                    sawSeparator = true
                } else if byte == UInt8(ascii: "{"), sawSeparator {
                    return .nextElementAt(index)
                } else if byte == UInt8(ascii: "\"") {
                    inString = true
                    sawSeparator = false
                } else if !(byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D) {
                    sawSeparator = false
                }
                continue
            }
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
            defer { lastSignificant = byte }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                // Inside a record's own braces a member starts with its name, never with an
                // object or array: one here is the next record, and the broken one never closed.
                if closers.count == 1, closers[0] == UInt8(ascii: "}"), lastSignificant == UInt8(ascii: ",") || lastSignificant == UInt8(ascii: "{") {
                    return .nextElementAt(index)
                }
                closers.append(byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]"))
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if closers.last == byte {
                    closers.removeLast()
                    if closers.isEmpty { return .elementEnds(index + 1) }
                } else {
                    resyncing = true
                    sawSeparator = false
                }
            default:
                break
            }
        }
        return .needMore(scanned: index)
    }
}
