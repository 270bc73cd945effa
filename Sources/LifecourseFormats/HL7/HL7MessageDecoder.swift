public import LifecourseCore

/// A resumable reader of one HL7 v2 message file as SS-MIX2 stores it: bytes in ISO-2022-JP, decoded first (a
/// two-byte character may contain the bytes of `|` or `^`, so splitting before decoding would cut characters),
/// then split into segments at CR (CRLF and LF tolerated), with the separators the MSH segment declares.
///
/// ```swift
/// var decoder = HL7MessageDecoder(fileName: path)
/// for chunk in chunks { try decoder.decode(chunk) }
/// let segments = try decoder.finish()
/// ```
public struct HL7MessageDecoder: Sendable {
    public let fileName: String
    private var text = ISO2022JPDecoder()
    private var pending = ""
    private var delimiters: HL7Delimiters?
    public private(set) var segments: [HL7ParsedSegment] = []
    /// Bytes and segment ends (CR or LF bytes) seen before the current chunk, to place a decoding error.
    private var bytesSeen = 0
    private var breaksSeen = 0

    public init(fileName: String) {
        self.fileName = fileName
    }

    /// Reads a chunk; complete segments are parsed as they end.
    /// - Throws: ``SourceError`` naming the file, the segment (as line), the field and component.
    public mutating func decode(_ bytes: some Collection<UInt8>) throws(SourceError) {
        do {
            try text.decode(bytes, into: &pending)
        } catch {
            // The segment of the bad byte: segment ends are single bytes that no ISO-2022-JP character contains.
            let before = bytes.prefix(max(0, error.byteOffset - bytesSeen))
            let line = breaksSeen + before.reduce(0) { $1 == 0x0D || $1 == 0x0A ? $0 + 1 : $0 } + 1
            throw SourceError(at: SourcePosition(file: fileName, line: line, byteOffset: error.byteOffset),
                              problem: "the message is not valid ISO-2022-JP: \(error.reason)",
                              fix: "ask the sender for the file exactly as its system wrote it (SS-MIX2 files are ISO-2022-JP)")
        }
        bytesSeen += bytes.count
        breaksSeen += bytes.reduce(0) { $1 == 0x0D || $1 == 0x0A ? $0 + 1 : $0 }
        try takeSegments(final: false)
    }

    /// Ends the file and returns its segments.
    public mutating func finish() throws(SourceError) -> [HL7ParsedSegment] {
        do {
            try text.finish()
        } catch {
            throw SourceError(at: SourcePosition(file: fileName, line: segments.count + 1, byteOffset: error.byteOffset),
                              problem: "the message ends inside a character: \(error.reason)",
                              fix: "the file is probably cut short; ask the sender for the whole file")
        }
        try takeSegments(final: true)
        guard !segments.isEmpty else {
            throw SourceError(at: SourcePosition(file: fileName, line: 1), problem: "the file holds no HL7 segment",
                              fix: "check that the file is an HL7 v2 message")
        }
        return segments
    }

    /// Reads a whole message at once.
    public static func segments(of bytes: some Collection<UInt8>, file: String) throws(SourceError) -> [HL7ParsedSegment] {
        var decoder = HL7MessageDecoder(fileName: file)
        try decoder.decode(bytes)
        return try decoder.finish()
    }

    private mutating func takeSegments(final: Bool) throws(SourceError) {
        while let end = pending.firstIndex(where: { $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) {
            let line = pending[..<end]
            pending = String(pending[pending.index(after: end)...])
            try take(line)
        }
        if final {
            let rest = pending
            pending = ""
            try take(rest[...])
        }
    }

    private mutating func take(_ line: Substring) throws(SourceError) {
        // MLLP framing (VT before, FS after a message) and blank lines are not segments.
        let trimmed = line.filter { $0 != "\u{0B}" && $0 != "\u{1C}" }
        guard !trimmed.isEmpty else { return }
        let number = segments.count + 1
        let position = SourcePosition(file: fileName, line: number)
        if delimiters == nil {
            do throws(HL7ProblemText) {
                delimiters = try HL7Delimiters(msh: Substring(trimmed))
            } catch {
                throw SourceError(at: position.field(error.field), problem: "MSH: \(error.text)",
                                  fix: "check that the file is an HL7 v2 message and was not cut at its start")
            }
        }
        segments.append(try HL7ParsedSegment(text: Substring(trimmed), number: number, delimiters: delimiters!,
                                             position: position))
    }
}
