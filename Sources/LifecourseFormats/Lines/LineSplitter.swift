import Foundation

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
        if let lines = bytes.withContiguousStorageIfAvailable({ split(buffer: $0) }) { return lines }
        return Array(bytes).withUnsafeBufferPointer { split(buffer: $0) }
    }

    /// Finds each line feed with `memchr` and copies the bytes before it in one run (a loop over single bytes was
    /// a twentieth of reading a claims file).
    private mutating func split(buffer: UnsafeBufferPointer<UInt8>) -> [RawLine] {
        var lines = [RawLine]()
        guard let base = buffer.baseAddress else { return lines }
        let start = offset
        var index = 0
        while index < buffer.count {
            let rest = buffer.count - index
            guard let found = memchr(base + index, 0x0A, rest) else {
                keep(UnsafeBufferPointer(start: base + index, count: rest))
                break
            }
            let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            keep(UnsafeBufferPointer(start: base + index, count: end - index))
            if current.last == 0x0D { current.removeLast() }
            lines.append(emit())
            index = end + 1
            currentOffset = start + index
        }
        offset = start + buffer.count
        return lines
    }

    /// Adds bytes of the current line, up to the limit.
    private mutating func keep(_ bytes: UnsafeBufferPointer<UInt8>) {
        let room = max(0, maximumLineLength - current.count)
        if bytes.count > room { truncated = true }
        current.append(contentsOf: room >= bytes.count ? bytes : UnsafeBufferPointer(rebasing: bytes[..<room]))
    }

    /// Ends the input, returning a last line without terminator if there is one.
    public mutating func finish() -> RawLine? {
        while current.last == 0x1A || current.last == 0x0D { current.removeLast() }
        guard !current.isEmpty || truncated else { return nil }
        return emit()
    }

    private mutating func emit() -> RawLine {
        lineNumber += 1
        // A copy of its own size; the current line's buffer is kept for the next line.
        let line = RawLine(number: lineNumber, byteOffset: currentOffset, bytes: Array(current[...]),
                           isTruncated: truncated)
        current.removeAll(keepingCapacity: true)
        truncated = false
        return line
    }
}
