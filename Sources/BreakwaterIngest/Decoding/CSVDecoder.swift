import BreakwaterModel
import BreakwaterStore

/// Decodes a Purview audit search CSV export: RFC 4180 rows whose `AuditData` column holds
/// the record's JSON (quotes doubled), with a header naming the columns.
///
/// Columns are found by header name, so both export layouts read alike. Quoted fields may
/// hold new lines and doubled quotes; a UTF-8 byte order mark and CRLF line ends are
/// accepted. A row whose quoting is broken would swallow the rows after it; when a row that
/// spans several lines does not yield a record, only its first line is quarantined and
/// reading resumes on the next line, so its neighbours survive.
final class CSVDecoder: RecordDecoder {
    private let window: FileWindow
    private let auditDataColumn: Int
    private var cursor = 0
    private var line: Int64
    private(set) var resumePoint: ResumePoint

    /// Reads the header, then positions at `resumePoint` (after the header for a new import).
    init(window: FileWindow, resumePoint: ResumePoint) throws(IngestError) {
        self.window = window
        try window.seek(to: 0)
        try window.fill(atLeast: 3)
        var headerStart = 0
        if window.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { headerStart = 3 }
        guard let header = try Self.readHeader(window, from: headerStart),
            let column = header.names.firstIndex(where: { $0.caseInsensitiveEquals("AuditData") })
        else {
            throw IngestError(code: .unknownFormat, message: "the CSV has no AuditData column. \(InputFormat.acceptedFormats)")
        }
        auditDataColumn = column
        if resumePoint.byteOffset == 0 {
            cursor = header.end
            line = 1 + header.lines
            self.resumePoint = ResumePoint(byteOffset: Int64(header.end), line: line)
        } else {
            try window.seek(to: resumePoint.byteOffset)
            line = resumePoint.line
            self.resumePoint = resumePoint
        }
    }

    /// The header's column names (trimmed), where the first row starts and how many lines
    /// the header took.
    static func readHeader(_ window: FileWindow, from start: Int) throws(IngestError) -> (names: [String], end: Int, lines: Int64)? {
        while true {
            let outcome = window.bytes.withUnsafeBufferPointer { CSVRow.scan($0, from: start, wantedColumn: nil, atEndOfFile: window.isAtEndOfFile) }
            switch outcome {
            case .row(let row):
                let names = row.fields.map { String(decoding: $0, as: UTF8.self).trimmingASCIIWhitespace }
                return (names, row.end, row.lines)
            case .needMore:
                guard window.bytes.count < 1 << 20 else { return nil }
                try window.readMore(keepingFrom: 0)
            case .endOfFile:
                return nil
            }
        }
    }

    func next() throws(IngestError) -> DecodedItem? {
        while true {
            let outcome = window.bytes.withUnsafeBufferPointer {
                CSVRow.scan($0, from: cursor, wantedColumn: auditDataColumn, atEndOfFile: window.isAtEndOfFile)
            }
            switch outcome {
            case .endOfFile:
                return nil
            case .needMore:
                if window.bytes.count - cursor > RecordDecoderLimits.maximumRecordBytes {
                    return quarantineFirstLine(reason: QuarantineReason(
                        code: "malformed-csv", message: "a quoted field never ends (broken quoting); this line was set aside"))
                }
                cursor -= try window.readMore(keepingFrom: cursor)
            case .row(let row) where row.isBlank:
                advance(to: row.end, lines: row.lines)
            case .row(let row):
                if let item = decode(row) {
                    advance(to: row.end, lines: row.lines)
                    return item
                }
                return quarantineFirstLine(reason: QuarantineReason(
                    code: "malformed-csv", message: "the row's quoting is broken (it runs over several lines); this line was set aside"))
            }
        }
    }

    /// The item for a row, or `nil` when the row spans several lines and yields no record
    /// (its quoting is probably broken: the caller quarantines only its first line).
    private func decode(_ row: CSVRow) -> DecodedItem? {
        let position = SourcePosition(line: line, byteOffset: window.fileOffset + Int64(row.start))
        let rowText = { Array(self.window.bytes[row.start..<row.end]) }
        if row.hasUnterminatedQuote { return nil }
        guard let auditData = row.wanted, !auditData.isEmpty else {
            if row.lines > 1 { return nil }
            return .failure(DecodeFailure(
                position: position, reason: QuarantineReason(code: "missing-audit-data", message: "the row has no AuditData value"),
                raw: rowText()))
        }
        let reading = auditData.withUnsafeBufferPointer { AuditRecord.read($0, from: .unifiedAuditLog) }
        switch reading {
        case .record(let record, let length) where auditData[length...].allSatisfy({ $0 == 0x20 || $0 == 0x09 }):
            return .record(record, position)
        case _ where row.lines > 1:
            return nil
        case .rejected(let error, _):
            return .failure(DecodeFailure(position: position, reason: QuarantineReason(error), raw: auditData))
        case .malformed(let error):
            return .failure(DecodeFailure(
                position: position, reason: QuarantineReason(code: "malformed-json", message: "AuditData: \(error.description)"), raw: auditData))
        case .record:
            return .failure(DecodeFailure(
                position: position, reason: QuarantineReason(code: "malformed-json", message: "AuditData: unexpected text after the record"),
                raw: auditData))
        }
    }

    /// Quarantines the line at the cursor and resumes on the next one.
    private func quarantineFirstLine(reason: QuarantineReason) -> DecodedItem {
        let position = SourcePosition(line: line, byteOffset: window.fileOffset + Int64(cursor))
        let bytes = window.bytes
        var end = cursor
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        let next = min(end + 1, bytes.count)
        var textEnd = end
        if textEnd > cursor, bytes[textEnd - 1] == 0x0D { textEnd -= 1 }
        let raw = Array(bytes[cursor..<min(textEnd, cursor + RecordDecoderLimits.maximumRecordBytes)])
        let length = textEnd - cursor
        advance(to: next, lines: 1)
        return .failure(DecodeFailure(position: position, reason: reason, raw: raw, length: length))
    }

    private func advance(to end: Int, lines: Int64) {
        cursor = end
        line += lines
        resumePoint = ResumePoint(byteOffset: window.fileOffset + Int64(end), line: line)
    }
}

/// One CSV row found in a buffer.
struct CSVRow {
    /// Where the row starts and where the next row starts.
    var start: Int
    var end: Int
    /// How many lines the row spans (more than one when a quoted field holds new lines).
    var lines: Int64
    /// Every field, unquoted (only when no single column was asked for).
    var fields: [[UInt8]]
    /// The asked-for column's value, unquoted; `nil` when the row has fewer columns.
    var wanted: [UInt8]?
    /// Whether the row is an empty line.
    var isBlank: Bool
    /// Whether a quoted field was still open at the end of the file.
    var hasUnterminatedQuote = false

    enum Outcome {
        case row(CSVRow)
        /// The buffer ends inside the row.
        case needMore
        /// No bytes are left.
        case endOfFile
    }

    /// Scans the row starting at `start`.
    ///
    /// - Parameters:
    ///   - wantedColumn: keep only this column's value (in ``wanted``); `nil` keeps every
    ///     field (in ``fields``), for the header.
    ///   - atEndOfFile: whether the buffer holds the rest of the file, so that a row without a
    ///     final new line still ends.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, wantedColumn: Int?, atEndOfFile: Bool) -> Outcome {
        guard start < bytes.count else { return atEndOfFile ? .endOfFile : .needMore }
        var row = CSVRow(start: start, end: start, lines: 1, fields: [], wanted: nil, isBlank: false)
        var index = start
        var column = 0
        var field: [UInt8] = []
        let keepAll = wantedColumn == nil
        while true {
            let keep = keepAll || column == wantedColumn
            field.removeAll(keepingCapacity: true)
            // One field.
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                // Quoted fields hold whole JSON records: find the closing quote in one tight
                // pass, then unquote the field in another, writing each byte once.
                let contentStart = index + 1
                var scan = contentStart
                var doubledQuotes = 0
                var closingQuote: Int?
                while scan < bytes.count {
                    let byte = bytes[scan]
                    if byte == UInt8(ascii: "\"") {
                        if scan + 1 < bytes.count, bytes[scan + 1] == UInt8(ascii: "\"") {
                            doubledQuotes += 1
                            scan += 2
                            continue
                        }
                        if scan + 1 == bytes.count, !atEndOfFile { return .needMore }
                        closingQuote = scan
                        break
                    }
                    if byte == 0x0A { row.lines += 1 }
                    scan += 1
                }
                guard let closingQuote else {
                    guard atEndOfFile else { return .needMore }
                    row.end = bytes.count
                    row.hasUnterminatedQuote = true
                    return .row(row)
                }
                if keep {
                    field = Self.unquoted(bytes, from: contentStart, to: closingQuote, doubledQuotes: doubledQuotes)
                }
                index = closingQuote + 1
            }
            // Unquoted text, or what follows a closing quote (kept leniently).
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: ",") || byte == 0x0A { break }
                if keep { field.append(byte) }
                index += 1
            }
            if index == bytes.count, !atEndOfFile { return .needMore }
            if keep {
                if field.last == 0x0D, index == bytes.count || bytes[index] == 0x0A { field.removeLast() }
                if keepAll { row.fields.append(field) } else { row.wanted = field }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ",") {
                index += 1
                column += 1
                continue
            }
            let end = index < bytes.count ? index + 1 : index
            row.end = end
            row.isBlank = column == 0 && index - start <= 1 && (index == start || bytes[start] == 0x0D)
            return .row(row)
        }
    }

    /// The field `start..<end` with each doubled quote made single.
    private static func unquoted(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, doubledQuotes: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: end - start - doubledQuotes) { output, count in
            var read = start
            var written = 0
            while read < end {
                let byte = bytes[read]
                output[written] = byte
                written += 1
                read += byte == UInt8(ascii: "\"") ? 2 : 1
            }
            count = written
        }
    }
}
