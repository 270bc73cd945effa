/// One record of a CSV file: its fields, where it starts, and its bytes as received.
public struct CSVRecord: Sendable, Hashable {
    /// 1-based line on which the record starts (a quoted field may span lines).
    public let line: Int
    /// The last line of the record.
    public let lastLine: Int
    /// 0-based offset of the record's first byte.
    public let byteOffset: Int
    public let fields: [String]
    /// The record's bytes, without its final line break.
    public let rawBytes: [UInt8]
    /// Set when the record breaks RFC 4180 (a stray quote, text after a closing quote, invalid UTF-8, an
    /// unterminated quote, a record over the length limit); `fields` then holds what could be read.
    public let problem: CSVProblem?
}

/// Why a CSV record could not be read as written.
public struct CSVProblem: Sendable, Hashable, CustomStringConvertible {
    /// 1-based field where the problem is.
    public let field: Int
    public let description: String
}

/// A resumable RFC 4180 splitter: bytes in any chunking, records out.
///
/// Fields are separated by commas, records end in CRLF or LF; a field in double quotes may hold commas, quotes
/// (doubled) and line breaks. A UTF-8 byte-order mark at the very start is skipped. A record longer than
/// `maximumRecordLength` bytes is cut and reported, so memory stays bounded whatever the input.
public struct CSVSplitter: Sendable {
    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted, afterQuoted }

    private var state = State.fieldStart
    private var field: [UInt8] = []
    private var fields: [[UInt8]] = []
    private var raw: [UInt8] = []
    private var problem: CSVProblem?
    private var offset = 0
    private var recordOffset = 0
    private var line = 1
    private var recordLine = 1
    /// How many bytes of a leading byte-order mark have been seen; nil once the start of the file is past.
    private var byteOrderMarkSeen: Int? = 0
    public let maximumRecordLength: Int
    public let encoding: Encoding
    /// The byte between fields: a comma, or another ASCII separator (`;` in ARX's files, a tab).
    public let delimiter: UInt8

    /// The encoding of the fields. CP932 trail bytes never take the values of a comma, a quote or a line break,
    /// so the splitter works on bytes and decodes each field afterwards.
    public enum Encoding: Sendable {
        case utf8, cp932
    }

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    public init(encoding: Encoding = .utf8, maximumRecordLength: Int = 1 << 20, delimiter: UInt8 = 0x2C) {
        self.encoding = encoding
        self.delimiter = delimiter
        self.maximumRecordLength = maximumRecordLength
    }

    /// Splits `bytes`, returning the records they complete.
    public mutating func split(_ bytes: some Collection<UInt8>) -> [CSVRecord] {
        var records = [CSVRecord]()
        // Contiguous bytes (an array, a slice, a chunk of a file) are walked as a buffer: through the generic
        // collection every byte costs a call.
        if bytes.withContiguousStorageIfAvailable({ split($0, into: &records) }) == nil { split(bytes, into: &records) }
        return records
    }

    private mutating func split(_ bytes: some Collection<UInt8>, into records: inout [CSVRecord]) {
        for byte in bytes {
            if let seen = byteOrderMarkSeen {
                if byte == Self.byteOrderMark[seen] {
                    byteOrderMarkSeen = seen + 1 == 3 ? nil : seen + 1
                    if seen + 1 == 3 { offset = 3; recordOffset = 3 }
                    continue
                }
                replayByteOrderMark(into: &records)
            }
            consume(byte, into: &records)
        }
    }

    /// Ends the input, returning the last record if it had no line break.
    public mutating func finish() -> [CSVRecord] {
        var records = [CSVRecord]()
        replayByteOrderMark(into: &records)
        // Some systems still end files with an end-of-file mark (0x1A); it is not data.
        while raw.last == 0x1A || raw.last == 0x0D { raw.removeLast() }
        guard !raw.isEmpty else { return records }
        if state == .quoted {
            report("a quoted field is not closed before the end of the file", fix: "close the quote or remove it")
        }
        if state == .unquoted || state == .fieldStart {
            while field.last == 0x1A || field.last == 0x0D { field.removeLast() }
        }
        records.append(emit(lastLine: line))
        state = .fieldStart
        return records
    }

    /// A start that looked like a byte-order mark but was not one is data.
    private mutating func replayByteOrderMark(into records: inout [CSVRecord]) {
        guard let seen = byteOrderMarkSeen else { return }
        byteOrderMarkSeen = nil
        for byte in Self.byteOrderMark.prefix(seen) { consume(byte, into: &records) }
    }

    private mutating func consume(_ byte: UInt8, into records: inout [CSVRecord]) {
        offset += 1
        if raw.count < maximumRecordLength {
            raw.append(byte)
        } else if problem == nil {
            report("the record is longer than \(maximumRecordLength) bytes", fix: "check for a missing line break")
        }
        switch state {
        case .fieldStart:
            switch byte {
            case 0x22: state = .quoted
            case delimiter: endField()
            case 0x0A: endRecord(into: &records)
            default: append(byte); state = .unquoted
            }
        case .unquoted:
            switch byte {
            case delimiter: endField(); state = .fieldStart
            case 0x0A: endRecord(into: &records)
            case 0x22:
                report("a double quote inside a field that does not start with one",
                       fix: "put the field in double quotes and double the quote inside it (\"\")")
                append(byte)
            default: append(byte)
            }
        case .quoted:
            if byte == 0x22 { state = .quoteInQuoted } else {
                if byte == 0x0A { line += 1 }
                append(byte)
            }
        case .quoteInQuoted:
            switch byte {
            case 0x22: append(byte); state = .quoted
            case delimiter: endField(); state = .fieldStart
            case 0x0A: endRecord(into: &records)
            case 0x0D: state = .afterQuoted
            default:
                report("text after the closing quote of a field", fix: "put the whole field inside the quotes")
                append(byte)
                state = .unquoted
            }
        case .afterQuoted:
            if byte == 0x0A {
                endRecord(into: &records)
            } else {
                report("text after the closing quote of a field", fix: "put the whole field inside the quotes")
                if byte == delimiter { endField(); state = .fieldStart } else { append(byte); state = .unquoted }
            }
        }
    }

    private mutating func append(_ byte: UInt8) {
        if field.count < maximumRecordLength { field.append(byte) }
    }

    private mutating func endField() {
        fields.append(field)
        field.removeAll(keepingCapacity: true)
    }

    private mutating func endRecord(into records: inout [CSVRecord]) {
        if state == .unquoted || state == .fieldStart, field.last == 0x0D { field.removeLast() }
        let blank = fields.isEmpty && field.isEmpty && state != .quoteInQuoted && state != .afterQuoted
        if blank {
            // An empty line is not a record.
            raw.removeAll(keepingCapacity: true)
            problem = nil
        } else {
            if raw.last == 0x0A { raw.removeLast() }
            if raw.last == 0x0D { raw.removeLast() }
            records.append(emit(lastLine: line))
        }
        line += 1
        recordLine = line
        recordOffset = offset
        state = .fieldStart
    }

    private mutating func emit(lastLine: Int) -> CSVRecord {
        endField()
        var texts = [String]()
        texts.reserveCapacity(fields.count)
        for (index, bytes) in fields.enumerated() {
            switch decode(bytes) {
            case .success(let text):
                texts.append(text)
            case .failure(let error):
                if problem == nil {
                    problem = CSVProblem(field: index + 1, description: "field \(index + 1) is not valid \(error)")
                }
                texts.append(String(decoding: bytes, as: UTF8.self))
            }
        }
        let record = CSVRecord(line: recordLine, lastLine: lastLine, byteOffset: recordOffset, fields: texts,
                               rawBytes: raw, problem: problem)
        fields.removeAll(keepingCapacity: true)
        raw.removeAll(keepingCapacity: true)
        problem = nil
        return record
    }

    private func decode(_ bytes: [UInt8]) -> Result<String, DecodingFailure> {
        switch encoding {
        case .utf8:
            return String(validating: bytes, as: UTF8.self).map { .success($0) } ?? .failure(DecodingFailure("UTF-8"))
        case .cp932:
            do {
                return .success(try CP932Decoder.decode(bytes))
            } catch {
                return .failure(DecodingFailure("CP932 (\(error.reason), byte \(error.byteOffset + 1) of the field)"))
            }
        }
    }

    private struct DecodingFailure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    private mutating func report(_ text: String, fix: String) {
        guard problem == nil else { return }
        problem = CSVProblem(field: fields.count + 1, description: "\(text); \(fix)")
    }
}

extension ChunkedFile {
    /// Splits the file into CSV records, calling `body` with the records of each chunk (the last call has those
    /// completed by the end of the file, possibly none) and `progress` with the bytes read so far.
    /// - Returns: the number of records.
    func forEachCSVBatch(encoding: CSVSplitter.Encoding = .utf8, progress: (Int) -> Void,
                         _ body: ([CSVRecord]) throws -> Void) throws -> Int {
        var splitter = CSVSplitter(encoding: encoding)
        var records = 0
        var bytesRead = 0
        try forEachChunk { chunk in
            let batch = splitter.split(chunk)
            records += batch.count
            try body(batch)
            bytesRead += chunk.count
            progress(bytesRead)
        }
        let last = splitter.finish()
        records += last.count
        try body(last)
        return records
    }
}
