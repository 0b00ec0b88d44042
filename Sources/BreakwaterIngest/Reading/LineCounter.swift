/// Tracks line numbers while a decoder moves forward through a ``FileWindow``.
struct LineCounter {
    /// The 1-based line of the byte at ``countedTo``.
    private(set) var line: Int64
    /// The window index up to which newlines have been counted.
    private var countedTo: Int

    init(line: Int64 = 1, at index: Int = 0) {
        self.line = line
        countedTo = index
    }

    /// The line of the byte at `index` (which must not be before earlier calls).
    mutating func line(at index: Int, in bytes: [UInt8]) -> Int64 {
        if index > countedTo {
            var newlines: Int64 = 0
            bytes.withUnsafeBufferPointer { buffer in
                for position in countedTo..<index where buffer[position] == 0x0A {
                    newlines += 1
                }
            }
            line += newlines
            countedTo = index
        }
        return line
    }

    /// Follows the window dropping `count` bytes from its front.
    mutating func shift(by count: Int) {
        countedTo -= count
    }
}
