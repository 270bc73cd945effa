import LifecourseStore

/// Stores the events of one file inside its batch's transaction (or the file's savepoint) and counts them for its
/// receipt.
struct FileEventWriter {
    let writer: SourceRecordWriter
    let receiptID: Int64
    private(set) var counts = ReceiptCounts()

    init(writer: SourceRecordWriter, receiptID: Int64) {
        self.writer = writer
        self.receiptID = receiptID
    }

    mutating func write(_ event: FileEvent) throws {
        switch event {
        case .sender(let code):
            counts.institution = counts.institution ?? code
        case .unit(let unit):
            counts.unitsRead += 1
            counts.institution = counts.institution ?? unit.record.sender.code
            try writer.store(unit.record, keys: unit.keys)
            counts.unitsAccepted += 1
            counts.unknownRecords += unit.unknownRecords
        case .quarantined(let firstLine, let lastLine, let problem, let problemCount, let raw):
            counts.unitsRead += 1
            counts.unitsQuarantined += 1
            try writer.quarantine(firstLine: firstLine, lastLine: lastLine, problem: problem,
                                  problemCount: problemCount, raw: raw, receiptID: receiptID)
        case .unknownRecord(let record):
            counts.unknownRecords += 1
            try writer.keep(record, person: nil)
        case .warning(let warning):
            counts.warnings.append(warning)
        }
    }
}
