import Foundation
import LifecourseCore
import LifecourseFormats
import LifecourseLinkage
import LifecourseStore

/// Stores the events of one claims file inside the file's transaction.
struct ClaimsIngest {
    let writer: SourceRecordWriter
    let receiptID: Int64

    func run(_ reader: ClaimsFileReader, progress: (_ bytes: Int, _ units: Int) -> Void) throws -> ReceiptCounts {
        var counts = ReceiptCounts()
        counts.recordsRead = try reader.forEachEvent(progress: { progress($0, counts.unitsRead) }) { event in
            switch event {
            case .institution(let record):
                counts.institution = counts.institution ?? record.institution.code
            case .claim(let claim):
                counts.unitsRead += 1
                try writer.store(claim.sourceRecord)
                counts.unitsAccepted += 1
                counts.unknownRecords += claim.unknownRecords.count
            case .quarantined(let claim):
                counts.unitsRead += 1
                counts.unitsQuarantined += 1
                try writer.quarantine(firstLine: claim.firstLine, lastLine: claim.lastLine, problem: claim.problem,
                                      problemCount: claim.problemCount, raw: claim.rawBytes, receiptID: receiptID)
            case .unknownRecord(let record):
                counts.unknownRecords += 1
                try writer.keep(record, person: nil)
            case .trailer:
                break
            case .warning(let problem):
                counts.warnings.append(problem.description)
            }
        }
        return counts
    }
}
