/// One line of a line-oriented file, as raw bytes without its terminator.
public struct RawLine: Sendable, Hashable {
    /// 1-based line number.
    public let number: Int
    /// 0-based offset of the line's first byte in the file.
    public let byteOffset: Int
    /// The bytes, without CR or LF.
    public let bytes: [UInt8]
    /// Set when the line was longer than the splitter's limit; `bytes` then holds only its start.
    public let isTruncated: Bool
}

/// A resumable splitter of bytes into lines ending in CRLF or LF, with a cap on line length so that
/// memory stays bounded whatever the input.
///
/// A trailing end-of-file mark (0x1A), which some claims systems still write, is not a line.
public struct LineSplitter: Sendable {
    private var current: [UInt8] = []
    private var currentOffset = 0
    private var truncated = false
    private var offset = 0
    private var lineNumber = 0
    /// The longest line kept whole; longer lines are cut and flagged.
    public let maximumLineLength: Int

    public init(maximumLineLength: Int = 1 << 20) {
        self.maximumLineLength = maximumLineLength
    }

    /// Splits `bytes`, returning the lines completed by them.
    public mutating func split(_ bytes: some Collection<UInt8>) -> [RawLine] {
        var lines = [RawLine]()
        for byte in bytes {
            if byte == 0x0A {
                if current.last == 0x0D { current.removeLast() }
                lines.append(emit())
                currentOffset = offset + 1
            } else if current.count < maximumLineLength {
                current.append(byte)
            } else {
                truncated = true
            }
            offset += 1
        }
        return lines
    }

    /// Ends the input, returning a last line without terminator if there is one.
    public mutating func finish() -> RawLine? {
        while current.last == 0x1A || current.last == 0x0D { current.removeLast() }
        guard !current.isEmpty || truncated else { return nil }
        return emit()
    }

    private mutating func emit() -> RawLine {
        lineNumber += 1
        let line = RawLine(number: lineNumber, byteOffset: currentOffset, bytes: current, isTruncated: truncated)
        current.removeAll(keepingCapacity: true)
        truncated = false
        return line
    }
}
