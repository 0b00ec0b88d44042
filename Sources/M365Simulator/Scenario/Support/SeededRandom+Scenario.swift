import Foundation

extension SeededRandom {
    /// A generator for one independent stream of the scenario: the same seed and stream
    /// always give the same numbers, and streams do not disturb each other, so adding the
    /// attack or another person never changes anyone else's day.
    init(seed: UInt64, stream: UInt64...) {
        var state = seed
        for component in stream {
            var mixer = SeededRandom(seed: state ^ (component &* 0x9E37_79B9_7F4A_7C15))
            state = mixer.next()
        }
        self.init(seed: state)
    }

    /// A number in `0..<1`.
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// True with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// A whole number in `range`.
    mutating func integer(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    /// A whole number in `range`, for times in milliseconds.
    mutating func milliseconds(in range: Range<Int64>) -> Int64 {
        guard range.upperBound > range.lowerBound else { return range.lowerBound }
        return range.lowerBound + Int64(next() % UInt64(range.upperBound - range.lowerBound))
    }

    /// How many times something with the given average happens (Poisson).
    mutating func count(averaging mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        if mean > 30 {
            // Normal approximation: Knuth's method underflows for large means.
            let u1 = max(unit(), 1e-12)
            let u2 = unit()
            let normal = (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
            return max(0, Int((mean + normal * mean.squareRoot()).rounded()))
        }
        let limit = exp(-mean)
        var product = unit()
        var count = 0
        while product > limit {
            product *= unit()
            count += 1
        }
        return count
    }

    /// A lowercase GUID, as Microsoft writes record, session and object ids.
    mutating func guid() -> String {
        let high = next()
        let low = next()
        var bytes = [UInt8](repeating: 0, count: 36)
        var position = 0
        func put(_ value: UInt64, nibbles: Int, into bytes: inout [UInt8], at position: inout Int) {
            for shift in stride(from: (nibbles - 1) * 4, through: 0, by: -4) {
                bytes[position] = Self.hexDigits[Int((value >> UInt64(shift)) & 0xF)]
                position += 1
            }
        }
        put(high >> 32, nibbles: 8, into: &bytes, at: &position)
        bytes[position] = UInt8(ascii: "-")
        position += 1
        put((high >> 16) & 0xFFFF, nibbles: 4, into: &bytes, at: &position)
        bytes[position] = UInt8(ascii: "-")
        position += 1
        put(0x4000 | (high & 0x0FFF), nibbles: 4, into: &bytes, at: &position)
        bytes[position] = UInt8(ascii: "-")
        position += 1
        put(0x8000 | ((low >> 48) & 0x3FFF), nibbles: 4, into: &bytes, at: &position)
        bytes[position] = UInt8(ascii: "-")
        position += 1
        put(low & 0xFFFF_FFFF_FFFF, nibbles: 12, into: &bytes, at: &position)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `count` random characters from `alphabet` (token ids, message ids).
    mutating func characters(_ count: Int, from alphabet: [UInt8] = SeededRandom.tokenAlphabet) -> String {
        var bytes = [UInt8](repeating: 0, count: count)
        for index in 0..<count {
            bytes[index] = alphabet[Int(next() % UInt64(alphabet.count))]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Upper-case hexadecimal digits (PUIDs, server names).
    mutating func hex(_ count: Int) -> String {
        characters(count, from: Array("0123456789ABCDEF".utf8))
    }

    static let hexDigits = Array("0123456789abcdef".utf8)
    static let tokenAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
}
