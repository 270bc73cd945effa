import LifecourseCore

/// Turns the CSV records of a care file (``CareFileWriter``'s layout) into certifications and claims: an NT
/// record is a unit by itself; a claim is its 01 record, the 02 (明細) and 16 (摘要) records after it and the 10
/// record that closes it. Records may come in any chunking (the decoder keeps an open claim between calls).
public struct CareFileDecoder: Sendable {
    public let fileName: String
    private var open: [CSVRecord] = []

    public init(fileName: String) {
        self.fileName = fileName
    }

    /// Whether a file's first line is a care record: NT with a 6-digit insurer and a 10-digit insured number, or 01
    /// with a service month, a 10-digit provider and a 6-digit insurer.
    public static func looksLikeCareRecord(firstLine: some Collection<UInt8>) -> Bool {
        let fields = firstLine.split(separator: 0x2C, omittingEmptySubsequences: false).map { Array($0) }
        func digits(_ index: Int, _ count: Int) -> Bool {
            index < fields.count && fields[index].count == count && fields[index].allSatisfy { (0x30...0x39).contains($0) }
        }
        switch fields.first.map({ String(decoding: $0, as: UTF8.self) }) {
        case "NT": return fields.count == CareRecordReader.certificationColumns.count && digits(1, 6) && digits(2, 10)
        case "01": return fields.count == CareRecordReader.basicColumns.count && digits(2, 10) && digits(3, 6)
        default: return false
        }
    }

    public mutating func decode(_ records: [CSVRecord]) -> [SourceUnitEvent] {
        var events = [SourceUnitEvent]()
        for record in records {
            switch record.fields.first {
            case "01":
                if !open.isEmpty { events.append(unclosed()) }
                open = [record]
            case "02" where !open.isEmpty, "16" where !open.isEmpty:
                open.append(record)
            case "10" where !open.isEmpty:
                open.append(record)
                events.append(claim(open))
                open = []
            case "02", "16", "10":
                events.append(quarantine([record], SourceError(
                    at: position(record).field(1), problem: "a \(record.fields[0]) record outside a claim (no 01 record before it)",
                    fix: "send each claim as one 01 record, its 02 records and one 10 record")))
            default:
                if !open.isEmpty { events.append(unclosed()) }
                events.append(certification(record))
            }
        }
        return events
    }

    /// Ends the input: a claim still open has no 10 record.
    public mutating func finish() -> [SourceUnitEvent] {
        open.isEmpty ? [] : [unclosed()]
    }

    private func position(_ record: CSVRecord) -> SourcePosition {
        SourcePosition(file: fileName, line: record.line, byteOffset: record.byteOffset)
    }

    private mutating func unclosed() -> SourceUnitEvent {
        let records = open
        open = []
        return quarantine(records, SourceError(
            at: position(records[records.count - 1]), problem: "the claim starting on line \(records[0].line) has no 10 (集計) record",
            fix: "send the claim again with its 10 record"))
    }

    private func certification(_ record: CSVRecord) -> SourceUnitEvent {
        do {
            let certification = try CareRecordReader.certification(try CareRecordReader.row(record, file: fileName))
            return .record(certification.sourceRecord(position: position(record), lastLine: record.lastLine))
        } catch {
            return quarantine([record], error)
        }
    }

    private func claim(_ records: [CSVRecord]) -> SourceUnitEvent {
        do {
            var rows = [CSVRow]()
            for record in records { rows.append(try CareRecordReader.row(record, file: fileName)) }
            let claim = try CareRecordReader.claim(basic: rows[0], details: Array(rows.dropFirst().dropLast()),
                                                   total: rows[rows.count - 1])
            return .record(claim.sourceRecord(position: position(records[0]), lastLine: records[records.count - 1].lastLine))
        } catch {
            return quarantine(records, error)
        }
    }

    private func quarantine(_ records: [CSVRecord], _ error: SourceError) -> SourceUnitEvent {
        .quarantined(QuarantinedRow(records: records, problem: error))
    }
}
