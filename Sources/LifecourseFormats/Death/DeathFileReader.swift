import LifecourseCore

/// Reads a death CSV (``DeathCertificateCSV``) from disk chunk by chunk.
public struct DeathFileReader: SourceUnitReader {
    public let file: ChunkedFile
    public let displayName: String

    public init(path: String, displayName: String? = nil, chunkSize: Int = 256 * 1024) {
        file = ChunkedFile(path: path, chunkSize: chunkSize)
        self.displayName = displayName ?? path
    }

    /// Calls `body` with every row's event in order, and `progress` with the bytes read after each chunk.
    /// - Returns: the number of records read, the header included.
    /// - Throws: ``SourceError`` when the file cannot be read or its header is not the death CSV's (nothing of
    ///   the file should then be kept); whatever `body` throws.
    @discardableResult
    public func forEachEvent(progress: (Int) -> Void = { _ in }, _ body: (SourceUnitEvent) throws -> Void) throws -> Int {
        var isHeader = true
        let records = try file.forEachCSVBatch(progress: progress) { batch in
            for record in batch {
                if isHeader {
                    try DeathCertificateCSV.checkHeader(record, file: displayName)
                    isHeader = false
                } else {
                    try body(event(record))
                }
            }
        }
        guard records > 0 else {
            throw SourceError(at: SourcePosition(file: displayName), problem: "the file is empty",
                              fix: "send the death CSV with its header row")
        }
        return records
    }

    private func event(_ record: CSVRecord) -> SourceUnitEvent {
        do {
            let certificate = try DeathCertificateCSV.certificate(from: record, file: displayName)
            let position = SourcePosition(file: displayName, line: record.line, byteOffset: record.byteOffset)
            return .record(certificate.sourceRecord(position: position, lastLine: record.lastLine))
        } catch {
            return .quarantined(QuarantinedRow(records: [record], problem: error))
        }
    }
}
