import BreakwaterModel
import BreakwaterStore

/// Decodes records held in JSON containers: a top-level array (content blobs), objects one
/// after another, or Graph collection pages (`{"value": […]}`), reading the file through a
/// bounded window.
///
/// Each record is read in place in the window by the model's single-pass reader. A record
/// that is well-formed but unusable is quarantined exactly; a record whose JSON is broken is
/// quarantined up to the point where the stream can be picked up again (the end of the
/// record when its brackets balance, else the next `,{` in an array or the next line that
/// opens an object), and decoding continues from there.
final class JSONStreamDecoder: RecordDecoder {
    /// Where the decoder is in the file's structure. Raw values are stored in resume points.
    enum State: Int {
        /// Between top-level values.
        case topLevel = 0
        /// Inside the top-level array.
        case inArray = 1
        /// Inside a Graph page's `value` array.
        case inPageArray = 2
        /// Inside a Graph page object, between members.
        case inPageObject = 3
    }

    private let window: FileWindow
    private let format: InputFormat
    private var cursor = 0
    private var state: State
    /// Inside an array or page object: whether a value was just read, so that `,` or the
    /// closing bracket comes next.
    private var afterValue: Bool
    private var lines: LineCounter
    private(set) var resumePoint: ResumePoint

    /// Starts decoding at `resumePoint` (the start of the file, or where an earlier run
    /// committed).
    init(window: FileWindow, format: InputFormat, resumePoint: ResumePoint) throws(IngestError) {
        self.window = window
        self.format = format
        self.resumePoint = resumePoint
        state = State(rawValue: resumePoint.state) ?? .topLevel
        afterValue = state != .topLevel
        lines = LineCounter(line: resumePoint.line)
        try window.seek(to: resumePoint.byteOffset)
        if resumePoint.byteOffset == 0 {
            try skipByteOrderMark()
        }
    }

    func next() throws(IngestError) -> DecodedItem? {
        while true {
            // A file that stops where a record could end has lost nothing, even if the
            // array or page around the records is not closed.
            guard let byte = try nextSignificantByte() else { return nil }
            switch state {
            case .topLevel:
                if byte == UInt8(ascii: "["), format.container == .jsonArray {
                    cursor += 1
                    enter(.inArray)
                } else if byte == UInt8(ascii: "{"), format.container == .graphPages {
                    cursor += 1
                    enter(.inPageObject)
                } else {
                    return try readElement()
                }
            case .inArray, .inPageArray:
                if byte == UInt8(ascii: "]") {
                    cursor += 1
                    state = state == .inArray ? .topLevel : .inPageObject
                    afterValue = true
                } else if afterValue {
                    guard byte == UInt8(ascii: ",") else { return try readElement() }
                    cursor += 1
                    afterValue = false
                } else {
                    return try readElement()
                }
            case .inPageObject:
                if byte == UInt8(ascii: "}") {
                    cursor += 1
                    state = .topLevel
                } else if afterValue {
                    guard byte == UInt8(ascii: ",") else { return try readElement() }
                    cursor += 1
                    afterValue = false
                } else if let failure = try readPageMember() {
                    return .failure(failure)
                }
            }
        }
    }

    private func enter(_ newState: State) {
        state = newState
        afterValue = false
    }

    // MARK: - Records

    /// Reads the record at the cursor, or quarantines what is there.
    private func readElement() throws(IngestError) -> DecodedItem {
        var start = cursor
        let position = self.position(at: start)
        while true {
            let reading = window.bytes.withUnsafeBufferPointer { buffer in
                format.flavor.read(UnsafeBufferPointer(rebasing: buffer[start...]))
            }
            switch reading {
            case .record(let record, let length):
                return finishElement(at: start + length, .record(record, position))
            case .rejected(let error, let length):
                let raw = Array(window.bytes[start..<(start + length)])
                return finishElement(at: start + length, .failure(DecodeFailure(position: position, reason: QuarantineReason(error), raw: raw)))
            case .malformed(let error) where error.isTruncation && !window.isAtEndOfFile:
                if window.bytes.count - start > RecordDecoderLimits.maximumRecordBytes {
                    return try skipOversizedElement(from: start, position: position)
                }
                start -= try refill(keepingFrom: start)
            case .malformed(let error) where error.isTruncation:
                let raw = Array(window.bytes[start...])
                cursor = window.bytes.count
                state = .topLevel  // the file is over
                return .failure(DecodeFailure(position: position, reason: .truncated(), raw: raw))
            case .malformed(let error):
                return try recover(from: start, position: position, error: error)
            }
        }
    }

    /// Moves past a read element and records that reading can restart there.
    private func finishElement(at end: Int, _ item: DecodedItem) -> DecodedItem {
        cursor = end
        if state != .topLevel { afterValue = true }
        resumePoint = ResumePoint(byteOffset: window.fileOffset + Int64(end), line: lines.line(at: end, in: window.bytes), state: state.rawValue)
        return item
    }

    /// Quarantines broken JSON from `start` to the first place the stream can continue.
    private func recover(from start: Int, position: SourcePosition, error: JSONSyntaxError) throws(IngestError) -> DecodedItem {
        var start = start
        var splitter = JSONElementSplitter(resyncAfterComma: state != .topLevel)
        var scanFrom = start
        while true {
            let outcome = window.bytes.withUnsafeBufferPointer { splitter.scan($0, from: scanFrom, elementStart: start) }
            switch outcome {
            case .elementEnds(let end):
                let reason = QuarantineReason(code: "malformed-json", message: "malformed JSON at byte \(error.offset) of the record: \(error.reason)")
                let raw = Array(window.bytes[start..<end])
                return finishElement(at: end, .failure(DecodeFailure(position: position, reason: reason, raw: raw)))
            case .nextElementAt(let next):
                let reason = QuarantineReason(
                    code: "malformed-json",
                    message: "malformed JSON at byte \(error.offset) of the record (\(error.reason)); reading resumed at the next record")
                let raw = Array(window.bytes[start..<next])
                cursor = next
                afterValue = false
                resumePoint = ResumePoint(byteOffset: window.fileOffset + Int64(next), line: lines.line(at: next, in: window.bytes), state: state.rawValue)
                return .failure(DecodeFailure(position: position, reason: reason, raw: raw))
            case .needMore(let scanned):
                if window.isAtEndOfFile {
                    let raw = Array(window.bytes[start...])
                    cursor = window.bytes.count
                    state = .topLevel  // the file is over
                    let reason = QuarantineReason(
                        code: "malformed-json",
                        message: "malformed JSON at byte \(error.offset) of the record (\(error.reason)); nothing after it could be read as records")
                    return .failure(DecodeFailure(position: position, reason: reason, raw: raw))
                }
                if window.bytes.count - start > RecordDecoderLimits.maximumRecordBytes {
                    return try skipOversizedElement(from: start, position: position)
                }
                let dropped = try refill(keepingFrom: start)
                start -= dropped
                scanFrom = scanned - dropped
            }
        }
    }

    /// Skips a value too large to hold, keeping a sample for the quarantine.
    private func skipOversizedElement(from start: Int, position: SourcePosition) throws(IngestError) -> DecodedItem {
        let sample = Array(window.bytes[start..<(start + RecordDecoderLimits.oversizedSampleBytes)])
        var splitter = JSONElementSplitter(resyncAfterComma: state != .topLevel)
        var elementStart = start
        var scanFrom = start
        var skippedBefore = 0
        while true {
            let outcome = window.bytes.withUnsafeBufferPointer { splitter.scan($0, from: scanFrom, elementStart: elementStart) }
            switch outcome {
            case .elementEnds(let end), .nextElementAt(let end):
                let length = skippedBefore + end - elementStart
                if case .nextElementAt = outcome { afterValue = false } else if state != .topLevel { afterValue = true }
                cursor = end
                resumePoint = ResumePoint(byteOffset: window.fileOffset + Int64(end), line: lines.line(at: end, in: window.bytes), state: state.rawValue)
                return .failure(DecodeFailure(position: position, reason: .tooLarge(length), raw: sample, length: length))
            case .needMore(let scanned):
                if window.isAtEndOfFile {
                    let length = skippedBefore + window.bytes.count - elementStart
                    cursor = window.bytes.count
                    return .failure(DecodeFailure(position: position, reason: .tooLarge(length), raw: sample, length: length))
                }
                skippedBefore += scanned - elementStart
                try refill(keepingFrom: scanned)
                elementStart = 0
                scanFrom = 0
            }
        }
    }

    // MARK: - Graph pages

    /// Reads one member of a page object: enters `value`, skips the rest.
    private func readPageMember() throws(IngestError) -> DecodeFailure? {
        while true {
            let start = cursor
            var isValueArray = false
            let outcome = window.bytes.withUnsafeBufferPointer { buffer -> Result<Int, JSONSyntaxError> in
                var scanner = JSONScanner(UnsafeBufferPointer(rebasing: buffer[start...]))
                do throws(JSONSyntaxError) {
                    guard scanner.peek() == UInt8(ascii: "\"") else { throw scanner.error("expected a member name in the page object") }
                    let key = try scanner.readString()
                    guard scanner.peek() == UInt8(ascii: ":") else { throw scanner.error("expected ':' after a member name") }
                    scanner.index += 1
                    if scanner.matches(key, "value"), scanner.peek() == UInt8(ascii: "[") {
                        scanner.index += 1
                        isValueArray = true
                    } else {
                        try scanner.skipValue()
                    }
                    return .success(scanner.index)
                } catch {
                    return .failure(error)
                }
            }
            switch outcome {
            case .success(let length):
                cursor = start + length
                if isValueArray { enter(.inPageArray) } else { afterValue = true }
                return nil
            case .failure(let error) where error.isTruncation && !window.isAtEndOfFile:
                try refill(keepingFrom: start)
            case .failure:
                // Not a page after all: treat what is here as a broken record and move on.
                state = .topLevel
                guard case .failure(let failure) = try readElement() else { return nil }
                return failure
            }
        }
    }

    // MARK: - Stream helpers

    /// The next byte that is not whitespace, reading more when needed; `nil` at the end.
    private func nextSignificantByte() throws(IngestError) -> UInt8? {
        while true {
            while cursor < window.bytes.count {
                let byte = window.bytes[cursor]
                guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return byte }
                cursor += 1
            }
            if window.isAtEndOfFile { return nil }
            try refill(keepingFrom: cursor)
        }
    }

    /// Reads more of the file, dropping the bytes before `keep`; shifts the cursor and line
    /// counter to match and returns how many bytes were dropped.
    @discardableResult
    private func refill(keepingFrom keep: Int) throws(IngestError) -> Int {
        _ = lines.line(at: keep, in: window.bytes)
        let dropped = try window.readMore(keepingFrom: keep)
        cursor -= dropped
        lines.shift(by: dropped)
        return dropped
    }

    private func position(at index: Int) -> SourcePosition {
        SourcePosition(line: lines.line(at: index, in: window.bytes), byteOffset: window.fileOffset + Int64(index))
    }

    private func skipByteOrderMark() throws(IngestError) {
        try window.fill(atLeast: 3)
        if window.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { cursor = 3 }
    }
}
