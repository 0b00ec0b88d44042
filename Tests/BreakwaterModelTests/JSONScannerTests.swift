import Foundation
import Testing

@testable import BreakwaterModel

@Suite("JSON scanner")
struct JSONScannerTests {
    @Test("accepts well-formed JSON of every kind", arguments: [
        #"{}"#, #"[]"#, #"{"a":[1,-2.5e+3,true,false,null,"x"]}"#, #"  {"nested":{"deeper":[[[]]]}}  "#,
        #""\u00e9\ud83d\ude00 \"quoted\" \\ \/ \b\f\n\r\t""#, #"0"#, #"-0.0E-7"#, "\"caf\u{e9} \u{1F600} 日本\"",
    ])
    func acceptsValidJSON(_ text: String) throws {
        let value = try JSONValue(parsing: text)
        // Round-tripping through our writer and Foundation's reader keeps the value.
        let reparsed = try JSONValue(parsing: value.jsonText)
        #expect(reparsed == value)
        #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data(value.jsonText.utf8), options: .fragmentsAllowed) }
    }

    @Test("rejects malformed JSON with the offset of the problem", arguments: [
        (#"{"a":1,}"#, 7), (#"{"a" 1}"#, 5), (#"[1 2]"#, 3), (#"tru"#, 3), (#"{"a":01}"#, 6), (#""\x""#, 2),
        (#"{"a":"b"} x"#, 10), (#"[1.]"#, 3), ("\"a\u{01}\"", 2), (#"{"a":}"#, 5),
    ])
    func rejectsMalformedJSON(_ text: String, offset: Int) {
        #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: text) }
        do {
            _ = try JSONValue(parsing: text)
        } catch {
            #expect(error.offset == offset, "\(text): \(error)")
        }
    }

    @Test("marks text that merely stops early as truncation", arguments: [#"{"a":"#, #"{"a":"bc"#, #"[1,"#, #"{"a":1"#, #"nul"#])
    func truncation(_ text: String) {
        do {
            _ = try JSONValue(parsing: text)
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.isTruncation, "\(text): \(error)")
        }
    }

    @Test("rejects invalid UTF-8 inside strings", arguments: [
        [0xC3],  // cut short
        [0xC0, 0x80],  // overlong
        [0xE0, 0x80, 0x80],  // overlong three-byte
        [0xED, 0xA0, 0x80],  // UTF-16 surrogate
        [0xF4, 0x90, 0x80, 0x80],  // past U+10FFFF
        [0xFF],  // never valid
        [0xE2, 0x82, 0x41],  // bad continuation
    ] as [[UInt8]])
    func rejectsInvalidUTF8(_ bad: [UInt8]) {
        let text = Array(#"{"k":"ok "#.utf8) + bad + Array(#" end"}"#.utf8)
        do {
            _ = try JSONValue(parsing: text)
            Issue.record("accepted \(bad)")
        } catch {
            #expect(error.reason.contains("UTF-8"), "\(error)")
            #expect(error.offset == 9)
        }
    }

    @Test("finds quotes, escapes and control bytes at every position of the eight-byte fast path")
    func wordBoundaries() throws {
        for length in 0..<24 {
            let plain = String(repeating: "a", count: length)
            #expect(try JSONValue(parsing: "\"\(plain)\"") == .string(plain))
            #expect(try JSONValue(parsing: "\"\(plain)\\\"x\"") == .string(plain + "\"x"))
            #expect(try JSONValue(parsing: "\"\(plain)é\"") == .string(plain + "é"))
            #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: "\"\(plain)\u{07}\"") }
        }
    }

    @Test("refuses nesting deeper than the limit instead of exhausting the stack")
    func depthLimit() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        do {
            _ = try JSONValue(parsing: deep)
            Issue.record("accepted")
        } catch {
            #expect(error.reason.contains("nest"))
        }
    }

    @Test("decodes escapes, including surrogate pairs and lone surrogates")
    func unescaping() throws {
        #expect(try JSONValue(parsing: #""\ud83d\ude00""#) == .string("😀"))
        #expect(try JSONValue(parsing: #""\ud83d""#) == .string("\u{FFFD}"))
        #expect(try JSONValue(parsing: #""tab\there""#) == .string("tab\there"))
    }

    @Test("writes JSON that is safe to embed in HTML")
    func quoting() {
        #expect(JSONText.quoted("</script><b>&\"\n") == #""\u003c/script\u003e\u003cb\u003e\u0026\"\n""#)
    }
}
