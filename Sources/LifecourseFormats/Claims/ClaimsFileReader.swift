import LifecourseCore

/// Reads a claims file from disk chunk by chunk through a ``ClaimsFileDecoder``.
public struct ClaimsFileReader: Sendable {
    public let file: ChunkedFile
    /// The name errors and lineage use (usually the path as given).
    public let displayName: String
    public let dialect: ClaimsDialect

    public init(path: String, displayName: String? = nil, dialect: ClaimsDialect = ClaimsDialect(),
                chunkSize: Int = 256 * 1024) {
        file = ChunkedFile(path: path, chunkSize: chunkSize)
        self.displayName = displayName ?? path
        self.dialect = dialect
    }

    /// Calls `body` with every event of the file, in order, and `progress` with the bytes read so far after
    /// each chunk.
    /// - Returns: the number of lines read.
    /// - Throws: ``SourceError`` when the file cannot be read; whatever `body` throws.
    @discardableResult
    public func forEachEvent(progress: (Int) -> Void = { _ in }, _ body: (ClaimsEvent) throws -> Void) throws -> Int {
        var decoder = ClaimsFileDecoder(fileName: displayName, dialect: dialect)
        var bytesRead = 0
        try file.forEachChunk { chunk in
            for event in decoder.decode(chunk) { try body(event) }
            bytesRead += chunk.count
            progress(bytesRead)
        }
        for event in decoder.finish() { try body(event) }
        return decoder.linesRead
    }
}
