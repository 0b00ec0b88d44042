import BreakwaterModel
import BreakwaterStore

#if canImport(Glibc)
import Glibc
#endif

/// Decodes JSON Lines: one record per line. A bad line is quarantined whole and the next
/// line is read as if nothing happened, which is what makes the format robust.
final class JSONLinesDecoder: RecordDecoder {
    private let window: FileWindow
    private let flavor: InputFormat.Flavor
    private var cursor = 0
    private var line: Int64
    private(set) var resumePoint: ResumePoint

    init(window: FileWindow, flavor: InputFormat.Flavor, resumePoint: ResumePoint) throws(IngestError) {
        self.window = window
        self.flavor = flavor
        self.resumePoint = resumePoint
        line = resumePoint.line
        try window.seek(to: resumePoint.byteOffset)
        if resumePoint.byteOffset == 0 {
            try window.fill(atLeast: 3)
            if window.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { cursor = 3 }
        }
    }

    func next() throws(IngestError) -> DecodedItem? {
        while true {
            guard let found = try nextLine() else { return nil }
            let item: DecodedItem?
            let next: Int
            switch found {
            case .text(let start, let end, let following):
                let position = SourcePosition(line: line, byteOffset: window.fileOffset + Int64(start))
                item = decodeLine(start: start, end: end, position: position)
                next = following
            case .oversized(let failure, let following):
                item = .failure(failure)
                next = following
            }
            cursor = next
            line += 1
            if let item {
                resumePoint = ResumePoint(byteOffset: window.fileOffset + Int64(next), line: line, state: 0)
                return item
            }
        }
    }

    /// A line found by ``nextLine()``.
    private enum Line {
        /// The line's text is `start..<end`; the next line starts at `next`.
        case text(start: Int, end: Int, next: Int)
        /// The line was over the size limit and has been skipped.
        case oversized(DecodeFailure, next: Int)
    }

    /// Decodes the line `start..<end`; `nil` for a blank line.
    private func decodeLine(start: Int, end: Int, position: SourcePosition) -> DecodedItem? {
        window.bytes.withUnsafeBufferPointer { buffer in
            var first = start
            var last = end
            while first < last, isWhitespace(buffer[first]) { first += 1 }
            while last > first, isWhitespace(buffer[last - 1]) { last -= 1 }
            guard first < last else { return nil }
            let text = UnsafeBufferPointer(rebasing: buffer[first..<last])
            let failure = { (reason: QuarantineReason) in
                DecodedItem.failure(DecodeFailure(position: position, reason: reason, raw: Array(text)))
            }
            switch flavor.read(text) {
            case .record(let record, let length):
                guard length == text.count else {
                    return failure(QuarantineReason(code: "malformed-json", message: "unexpected text after the record on this line"))
                }
                return .record(record, position)
            case .rejected(let error, _):
                return failure(QuarantineReason(error))
            case .malformed(let error):
                return failure(QuarantineReason(code: "malformed-json", message: error.description))
            }
        }
    }

    /// The next line, or `nil` at the end of the file.
    private func nextLine() throws(IngestError) -> Line? {
        var scanFrom = cursor
        while true {
            if let newline = firstNewline(from: scanFrom) {
                return .text(start: cursor, end: newline, next: newline + 1)
            }
            if window.isAtEndOfFile {
                guard cursor < window.bytes.count else { return nil }
                return .text(start: cursor, end: window.bytes.count, next: window.bytes.count)
            }
            if window.bytes.count - cursor > RecordDecoderLimits.maximumRecordBytes {
                return try skipOversizedLine()
            }
            scanFrom = window.bytes.count
            let dropped = try window.readMore(keepingFrom: cursor)
            cursor -= dropped
            scanFrom -= dropped
        }
    }

    /// Skips a line too long to hold, keeping a sample of its start for the quarantine.
    private func skipOversizedLine() throws(IngestError) -> Line {
        let start = window.fileOffset + Int64(cursor)
        let sample = Array(window.bytes[cursor..<(cursor + RecordDecoderLimits.oversizedSampleBytes)])
        let position = SourcePosition(line: line, byteOffset: start)
        var scanFrom = cursor
        while true {
            if let newline = firstNewline(from: scanFrom) {
                let length = Int(window.fileOffset + Int64(newline) - start)
                return .oversized(DecodeFailure(position: position, reason: .tooLarge(length), raw: sample, length: length), next: newline + 1)
            }
            if window.isAtEndOfFile {
                let end = window.bytes.count
                let length = Int(window.fileOffset + Int64(end) - start)
                return .oversized(DecodeFailure(position: position, reason: .tooLarge(length), raw: sample, length: length), next: end)
            }
            try window.readMore(keepingFrom: window.bytes.count)
            cursor = 0
            scanFrom = 0
        }
    }

    private func firstNewline(from index: Int) -> Int? {
        window.bytes.withUnsafeBufferPointer { buffer in
            guard index < buffer.count, let base = buffer.baseAddress,
                let found = memchr(base + index, 0x0A, buffer.count - index)
            else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }
}

private func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
}
