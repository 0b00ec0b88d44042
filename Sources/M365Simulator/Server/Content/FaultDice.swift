/// Deterministic coin tosses for faults and delivery: the same seed and the same names always
/// give the same answer, in any process (unlike `Hasher`).
struct FaultDice: Sendable {
    let seed: UInt64

    /// A number in `0..<1` for the named decision.
    func unit(_ parts: String...) -> Double {
        var random = generator(parts)
        return random.unit()
    }

    /// A generator seeded by the named decision, for several numbers at once.
    func generator(_ parts: String...) -> SeededRandom {
        generator(parts)
    }

    /// FNV-1a over the parts' bytes (read in place: this runs for every record and request).
    private func generator(_ parts: [String]) -> SeededRandom {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for var part in parts {
            part.withUTF8 { bytes in
                for byte in bytes {
                    hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                }
            }
            hash = (hash ^ 0xFF) &* 0x0000_0100_0000_01B3
        }
        return SeededRandom(seed: seed, stream: hash)
    }
}
