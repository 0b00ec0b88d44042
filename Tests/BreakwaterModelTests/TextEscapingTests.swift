import Testing

@testable import BreakwaterModel

@Suite("Escaping attacker-controlled text")
struct TextEscapingTests {
    @Test("neutralises spreadsheet formulas and quotes CSV cells", arguments: [
        ("plain", "plain"), ("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\""), ("+1", "'+1"), ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"), ("\tcmd", "'\tcmd"), ("\rcmd", "\"'\rcmd\""), ("a,b", "\"a,b\""), ("line\nbreak", "\"line\nbreak\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""), ("", ""), ("a=b", "a=b"),
    ])
    func csvCells(_ value: String, expected: String) {
        #expect(CSVText.cell(value) == expected)
    }

    @Test("ends CSV rows with CRLF")
    func csvRow() {
        #expect(CSVText.row(["a", "=b"]) == "a,'=b\r\n")
    }

    @Test("shows terminal control characters instead of obeying them")
    func terminal() {
        #expect(TerminalText.sanitized("ok") == "ok")
        #expect(TerminalText.sanitized("rule\u{1B}[2Jname") == "rule\\u{1b}[2Jname")
        #expect(TerminalText.sanitized("a\rb\u{7}") == "a\\u{d}b\\u{7}")
        #expect(TerminalText.sanitized("evil\u{202E}cod.exe") == "evil\\u{202e}cod.exe")
    }

    @Test("escapes markup and shows control characters in HTML", arguments: [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("\"><img src=x onerror=alert(1)>", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"),
        ("Tom & Jerry's", "Tom &amp; Jerry&#39;s"),
        ("evil\u{202E}fdp.exe", "evil\\u{202e}fdp.exe"),
        ("line one\nline two\tend", "line one\nline two\tend"),
        ("bell\u{7}", "bell\\u{7}"),
    ])
    func html(_ text: String, expected: String) {
        #expect(HTMLText.escaped(text) == expected)
    }
}
