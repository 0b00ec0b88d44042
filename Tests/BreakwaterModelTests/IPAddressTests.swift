import Testing

@testable import BreakwaterModel

@Suite("IP addresses")
struct IPAddressTests {
    @Test("reads client addresses however audit records write them", arguments: [
        ("134.170.188.221", "134.170.188.221"),
        ("  10.0.0.1  ", "10.0.0.1"),
        ("203.0.113.77:51234", "203.0.113.77"),
        ("[2001:db8::1]:443", "2001:db8::1"),
        ("[2001:DB8::1]", "2001:db8::1"),
        ("2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"),
        ("::ffff:203.0.113.77", "203.0.113.77"),
        ("::FFFF:cb00:714d", "203.0.113.77"),
        ("fe80::1%eth0", "fe80::1"),
        ("::", "::"),
        ("::1", "::1"),
        ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
        ("2001:db8:1:0:0:0:0:0", "2001:db8:1::"),
        ("1:0:2:0:3:0:4:0", "1:0:2:0:3:0:4:0"),
    ])
    func parses(_ text: String, canonical: String) throws {
        let address = try #require(IPAddress(auditText: text))
        #expect(address.description == canonical)
        #expect(IPAddress(canonical) == address)
        #expect(address.bytes.count == 16)
        #expect(address.bytes.prefix(8).reduce(0) { $0 << 8 | UInt64($1) } == address.high)
    }

    @Test("treats placeholders and junk as no address", arguments: [
        "", "null", "<null>", "   ", "256.1.1.1", "1.2.3", "01.2.3.4", "1.2.3.4.5", "::1::2", "1:2:3:4:5:6:7:8:9", "2001:db8::g", "1.2.3.4:http",
        "[::1", "localhost", "12345::",
    ])
    func rejects(_ text: String) {
        #expect(IPAddress(auditText: text) == nil)
    }

    @Test("matches CIDR ranges in both families")
    func networks() throws {
        let v4 = try #require(IPNetwork("203.0.113.0/24"))
        #expect(v4.contains(IPAddress("203.0.113.255")!))
        #expect(!v4.contains(IPAddress("203.0.114.0")!))
        #expect(!v4.contains(IPAddress("::1")!))
        let v6 = try #require(IPNetwork("2001:db8::/32"))
        #expect(v6.contains(IPAddress("2001:db8:ffff::1")!))
        #expect(!v6.contains(IPAddress("2001:db9::1")!))
        let single = try #require(IPNetwork("198.51.100.7"))
        #expect(single.contains(IPAddress("198.51.100.7")!))
        #expect(!single.contains(IPAddress("198.51.100.8")!))
        #expect(IPNetwork("0.0.0.0/0")!.contains(IPAddress("8.8.8.8")!))
        #expect(IPNetwork("10.0.0.0/33") == nil)
        #expect(IPNetwork("banana/8") == nil)
        #expect(v4.description == "203.0.113.0/24")
    }

    @Test("orders IPv4 before IPv6 and numerically within a family")
    func ordering() {
        #expect(IPAddress("9.255.255.255")! < IPAddress("10.0.0.0")!)
        #expect(IPAddress("255.255.255.255")! < IPAddress("2001:db8::")!)
    }
}
