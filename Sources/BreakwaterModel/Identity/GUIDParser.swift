import Foundation

/// Reading GUIDs in the forms audit data uses, without Foundation's slower general parser.
enum GUIDParser {
    /// Parses `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` (either case, optionally in braces).
    static func parse(_ text: UnsafeBufferPointer<UInt8>) -> UUID? {
        var text = text
        if text.count == 38, text[0] == UInt8(ascii: "{"), text[37] == UInt8(ascii: "}") {
            text = UnsafeBufferPointer(rebasing: text[1..<37])
        }
        guard text.count == 36 else { return nil }
        var value: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let parsed = withUnsafeMutableBytes(of: &value) { output -> Bool in
            var written = 0
            var position = 0
            while position < 36 {
                if position == 8 || position == 13 || position == 18 || position == 23 {
                    guard text[position] == UInt8(ascii: "-") else { return false }
                    position += 1
                    continue
                }
                guard let high = JSONScanner.hexValue(text[position]), let low = JSONScanner.hexValue(text[position + 1]) else {
                    return false
                }
                output[written] = UInt8(high << 4 | low)
                written += 1
                position += 2
            }
            return true
        }
        return parsed ? UUID(uuid: value) : nil
    }

    /// Parses a GUID held in a string.
    static func parse(_ text: String) -> UUID? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// The sixteen bytes of a GUID, in the order of its text form.
    static func bytes(of uuid: UUID) -> [UInt8] {
        withUnsafeBytes(of: uuid.uuid) { Array($0) }
    }
}
