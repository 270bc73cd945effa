import LifecourseCore

/// Reads a care file (``CareFileWriter``'s layout, NINTEI or KYUFU or both kinds of record) from disk chunk by
/// chunk.
public struct CareFileReader: SourceUnitReader {
    public let file: ChunkedFile
    public let displayName: String

    public init(path: String, displayName: String? = nil, chunkSize: Int = 256 * 1024) {
        file = ChunkedFile(path: path, chunkSize: chunkSize)
        self.displayName = displayName ?? path
    }

    /// Calls `body` with every unit's event in order, and `progress` with the bytes read after each chunk.
    /// - Returns: the number of records read.
    /// - Throws: ``SourceError`` when the file cannot be read or holds no record; whatever `body` throws.
    @discardableResult
    public func forEachEvent(progress: (Int) -> Void = { _ in }, _ body: (SourceUnitEvent) throws -> Void) throws -> Int {
        var decoder = CareFileDecoder(fileName: displayName)
        let records = try file.forEachCSVBatch(progress: progress) { batch in
            for event in decoder.decode(batch) { try body(event) }
        }
        for event in decoder.finish() { try body(event) }
        guard records > 0 else {
            throw SourceError(at: SourcePosition(file: displayName), problem: "the file holds no record",
                              fix: "send the care file with its NT, or 01/02/10, records")
        }
        return records
    }
}
