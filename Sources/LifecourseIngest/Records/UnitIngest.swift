import Foundation
import LifecourseFormats
import LifecourseStore

/// Stores the units of a row-oriented file (death CSV, care files) inside the file's transaction; units that
/// cannot be read are quarantined, the others stored.
struct UnitIngest {
    let writer: SourceRecordWriter
    let receiptID: Int64

    func run(_ reader: some SourceUnitReader, progress: (_ bytes: Int, _ units: Int) -> Void) throws -> ReceiptCounts {
        var counts = ReceiptCounts()
        counts.recordsRead = try reader.forEachEvent(progress: { progress($0, counts.unitsRead) }) { event in
            counts.unitsRead += 1
            switch event {
            case .record(let record):
                counts.institution = counts.institution ?? record.sender.code
                try writer.store(record)
                counts.unitsAccepted += 1
            case .quarantined(let row):
                counts.unitsQuarantined += 1
                try writer.quarantine(firstLine: row.firstLine, lastLine: row.lastLine, problem: row.problem,
                                      problemCount: 1, raw: row.rawBytes, receiptID: receiptID)
            }
        }
        return counts
    }
}
