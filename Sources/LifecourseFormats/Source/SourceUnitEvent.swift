public import LifecourseCore

/// What a row-oriented reader (death CSV, care files) yields, unit by unit.
public enum SourceUnitEvent: Sendable {
    /// A unit read whole, as a source record ready to store.
    case record(SourceRecord)
    /// A unit that could not be read; the others are unaffected.
    case quarantined(QuarantinedRow)
    /// Something odd about the file that does not keep its units out (an SS-MIX2 message whose PID names another
    /// patient than its folder).
    case warning(SourceError)
}

/// A unit of a line-oriented file that could not be read, kept as received for the quarantine.
public struct QuarantinedRow: Sendable, Hashable {
    public let firstLine: Int
    public let lastLine: Int
    public let problem: SourceError
    /// The unit's bytes as received, each line ended by CRLF.
    public let rawBytes: [UInt8]

    /// The CSV records of a unit (one row, or a care claim's records) with the problem that keeps it out.
    init(records: [CSVRecord], problem: SourceError) {
        firstLine = records[0].line
        lastLine = records[records.count - 1].lastLine
        self.problem = problem
        rawBytes = records.flatMap { $0.rawBytes + [0x0D, 0x0A] }
    }

    /// A unit that is a file or a document of its own (an SS-MIX2 message, a CDA document numbered in its archive),
    /// with the problem that keeps it out.
    init(firstLine: Int = 1, lastLine: Int, problem: SourceError, rawBytes: [UInt8]) {
        self.firstLine = firstLine
        self.lastLine = max(firstLine, lastLine)
        self.problem = problem
        self.rawBytes = rawBytes
    }
}

/// A reader that streams a file as units.
public protocol SourceUnitReader: Sendable {
    /// Calls `body` with every unit's event in order, and `progress` with the bytes read after each chunk.
    /// - Returns: the number of records read.
    /// - Throws: ``SourceError`` when the file as a whole cannot be read; whatever `body` throws.
    @discardableResult
    func forEachEvent(progress: (Int) -> Void, _ body: (SourceUnitEvent) throws -> Void) throws -> Int
}
