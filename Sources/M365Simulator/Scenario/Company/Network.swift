/// An Internet network traffic leaves from: an ISP, a mobile carrier, a security service
/// edge, a data centre — with real public address ranges, so that the IPFire location
/// database (libloc) gives every address the country and autonomous system it really has.
///
/// Never a documentation range (192.0.2/24, 198.51.100/24, 203.0.113/24): the point of the
/// scenario is that enrichment sees real networks.
struct Network: Sendable, Hashable {
    enum Kind: String, Sendable, Hashable {
        case office
        case broadband
        case mobile
        /// A security service edge the company routes some laptops through (Zscaler).
        case corporateProxy
        /// Microsoft's own servers, acting for the user (Outlook mobile, new Outlook).
        case microsoft
        case hosting
    }

    /// A range of IPv4 addresses: `first.second.third.fourth` with each part in its range.
    struct Block: Sendable, Hashable {
        var first: UInt8
        var second: ClosedRange<UInt8>
        var third: ClosedRange<UInt8>
        var fourth: ClosedRange<UInt8>
    }

    var name: String
    var asn: Int
    var kind: Kind
    var blocks: [Block]
    /// The first two groups of the ISP's customer IPv6 ranges (`2a00:23c4`); empty when it
    /// gives its customers no IPv6.
    var ipv6Prefixes: [String] = []

    /// A random address of the network.
    func address(_ random: inout SeededRandom) -> String {
        let block = blocks[Int(random.next() % UInt64(blocks.count))]
        func pick(_ range: ClosedRange<UInt8>) -> Int {
            Int(range.lowerBound) + Int(random.next() % UInt64(Int(range.upperBound) - Int(range.lowerBound) + 1))
        }
        return "\(block.first).\(pick(block.second)).\(pick(block.third)).\(pick(block.fourth))"
    }

    /// A random home IPv6 address (a customer's `/56` and an interface id), when the ISP
    /// gives IPv6.
    func ipv6Address(_ random: inout SeededRandom) -> String? {
        guard !ipv6Prefixes.isEmpty else { return nil }
        let prefix = ipv6Prefixes[Int(random.next() % UInt64(ipv6Prefixes.count))]
        var groups = [random.next() & 0xFFFF, (random.next() & 0xFF) << 8]
        for _ in 0..<4 { groups.append(random.next() & 0xFFFF) }
        return prefix + ":" + groups.map { String($0, radix: 16) }.joined(separator: ":")
    }
}

extension Network {
    private static func block(
        _ first: UInt8, _ second: ClosedRange<UInt8>, _ third: ClosedRange<UInt8> = 0...255, _ fourth: ClosedRange<UInt8> = 2...254
    )
        -> Block
    {
        Block(first: first, second: second, third: third, fourth: fourth)
    }

    /// The office's BT business line: one fixed /24 (81.128.137.0/24), NAT on .18 and .19.
    static let office = Network(name: "BT (office line)", asn: 2856, kind: .office, blocks: [block(81, 128...128, 137...137, 18...19)])
    /// BT home broadband: the rest of 81.128.0.0/12 (AS2856, GB), and 2a00:2380::/25 for IPv6.
    static let bt = Network(
        name: "BT", asn: 2856, kind: .broadband, blocks: [block(81, 129...143)], ipv6Prefixes: ["2a00:23c4", "2a00:23c5", "2a00:23c6", "2a00:23c7"])
    /// Virgin Media: 82.0.0.0/13 (AS5089, GB).
    static let virginMedia = Network(name: "Virgin Media", asn: 5089, kind: .broadband, blocks: [block(82, 0...7)])
    /// Sky Broadband: 5.64.0.0/13 (AS5607, GB), and 2a02:c7c::/33 for IPv6.
    static let sky = Network(name: "Sky", asn: 5607, kind: .broadband, blocks: [block(5, 64...71)], ipv6Prefixes: ["2a02:c7c"])
    /// EE mobile: 2.24.0.0/16 and 2.25.0.0/16 (AS12576, GB), carrier-grade NAT.
    static let ee = Network(name: "EE", asn: 12576, kind: .mobile, blocks: [block(2, 24...25)])
    /// Three UK mobile: 92.40.0.0/20 and 92.41.0.0/20 (AS206067, GB).
    static let three = Network(name: "Three", asn: 206067, kind: .mobile, blocks: [block(92, 40...41, 0...15)])
    /// Deutsche Telekom: 79.192.0.0/10 (AS3320, DE): hotels and roaming phones in Germany.
    static let telekom = Network(name: "Deutsche Telekom", asn: 3320, kind: .broadband, blocks: [block(79, 192...255)])
    /// Orange France: 90.0.0.0/17 (AS3215, FR).
    static let orange = Network(name: "Orange", asn: 3215, kind: .broadband, blocks: [block(90, 0...0, 0...127)])
    /// Comcast: 73.0.0.0/8 (AS7922, US).
    static let comcast = Network(name: "Comcast", asn: 7922, kind: .broadband, blocks: [block(73, 0...255)])
    /// T-Mobile US: 172.56.0.0/16 (AS21928, US): roaming phones in the US.
    static let tMobileUS = Network(name: "T-Mobile US", asn: 21928, kind: .mobile, blocks: [block(172, 56...56)])
    /// Zscaler's security service edge: 165.225.104.0/22 (AS53813 ZSCALER-INC, placed in the US).
    static let zscaler = Network(name: "Zscaler", asn: 53813, kind: .corporateProxy, blocks: [block(165, 225...225, 104...107, 10...250)])
    /// Exchange Online's servers: 40.96.0.0/13 (AS8075, Microsoft).
    static let microsoft = Network(name: "Microsoft", asn: 8075, kind: .microsoft, blocks: [block(40, 96...103)])
    /// The backup server, rented at Hetzner: 88.198.47.113 (AS24940, DE).
    static let hetzner = Network(name: "Hetzner", asn: 24940, kind: .hosting, blocks: [block(88, 198...198, 47...47, 113...113)])
    /// The phishing kit's reverse proxy at DigitalOcean: 159.203.101.87 (AS14061, US).
    static let digitalOcean = Network(
        name: "DigitalOcean", asn: 14061, kind: .hosting, blocks: [block(159, 203...203, 101...101, 87...87)])
    /// The host that replays the stolen session: 45.148.10.77 (AS48090 PPTECHNOLOGY, NL).
    static let replayHost = Network(
        name: "PPTECHNOLOGY", asn: 48090, kind: .hosting, blocks: [block(45, 148...148, 10...10, 77...77)])
}
