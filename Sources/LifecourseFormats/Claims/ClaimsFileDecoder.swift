import LifecourseCore

/// A resumable reader of claims files (レセ電: 医科, DPC and 歯科 RECEIPTC.UKE opened by IR, 調剤 RECEIPTY.UKE
/// opened by YK): bytes in, ``ClaimsEvent``s out.
///
/// Lines are split on raw bytes (a Shift_JIS trail byte is never CR, LF or a comma), each line is decoded
/// from CP932, and records are grouped into claims. A claim with any record that cannot be read is
/// quarantined whole, with its lines as received; the other claims are unaffected. Unknown record types are
/// kept, never fatal. Memory is bounded by the longest claim, not by the file.
///
/// ```swift
/// var decoder = ClaimsFileDecoder(fileName: "RECEIPTC.UKE")
/// for chunk in chunks { for event in decoder.decode(chunk) { handle(event) } }
/// for event in decoder.finish() { handle(event) }
/// ```
public struct ClaimsFileDecoder: Sendable {
    public let fileName: String
    public let dialect: ClaimsDialect
    private var splitter = LineSplitter(maximumLineLength: 64 * 1024)
    /// The kind of the file, from its header record (医科 until a YK record says otherwise).
    public private(set) var kind: ClaimsFileKind = .medical
    private var institution: InstitutionRecord?
    /// Why the IR record could not be read, when it could not.
    private var institutionProblem: SourceError?
    private var open: ClaimBuilder?
    private var trailerSeen = false
    private var payerParts = 0
    private var claimPoints = 0
    private var currentClaimPoints: Int?
    private var currentPointsFromInsurance = false
    /// The number of lines read so far.
    public private(set) var linesRead = 0

    /// The most lines one claim may have before it is quarantined as too large (bounds memory).
    static let maximumClaimLines = 100_000

    public init(fileName: String, dialect: ClaimsDialect = ClaimsDialect()) {
        self.fileName = fileName
        self.dialect = dialect
    }

    /// Reads a chunk of the file and returns the events it completes.
    public mutating func decode(_ bytes: some Collection<UInt8>) -> [ClaimsEvent] {
        var events = [ClaimsEvent]()
        for line in splitter.split(bytes) {
            handle(line, into: &events)
        }
        return events
    }

    /// Ends the file and returns the last events.
    public mutating func finish() -> [ClaimsEvent] {
        var events = [ClaimsEvent]()
        if let line = splitter.finish() {
            handle(line, into: &events)
        }
        close(into: &events)
        if !trailerSeen {
            events.append(.warning(SourceError(
                at: SourcePosition(file: fileName, line: linesRead), problem: "the file has no GO record at its end",
                fix: "the file may be cut short; ask the sender whether it is complete")))
        }
        return events
    }

    private mutating func handle(_ line: RawLine, into events: inout [ClaimsEvent]) {
        linesRead = line.number
        if line.bytes.isEmpty || line.bytes == [0x1A] { return }
        let type = line.bytes.count >= 2 ? String(decoding: line.bytes.prefix(2), as: UTF8.self) : ""
        let position = SourcePosition(file: fileName, line: line.number, byteOffset: line.byteOffset)
        let dialect = self.dialect
        switch type {
        case "IR", "YK":
            close(into: &events)
            kind = ClaimsFileKind(headerRecord: type, schedule: Self.field(3, of: line.bytes)) ?? .medical
            if let record = outside(line, into: &events, { fields throws(SourceError) in
                try InstitutionRecord(fields, dialect: dialect)
            }) {
                institution = record
                events.append(.institution(record))
            } else if case .warning(let problem)? = events.last {
                institution = nil
                institutionProblem = problem
            }
            return
        case "GO":
            close(into: &events)
            if let trailer = outside(line, into: &events, { fields throws(SourceError) in try TrailerRecord(fields) }) {
                trailerSeen = true
                events.append(.trailer(trailer))
                checkTotals(trailer, position: position, into: &events)
            }
            return
        case "RE":
            close(into: &events)
            open = ClaimBuilder(firstLine: line.number)
        default:
            if open == nil {
                guard kind.claimRecordTypes.contains(type) else {
                    if let fields = outside(line, into: &events, { $0 }) {
                        events.append(.unknownRecord(UnknownRecord(
                            recordType: fields.recordType, text: fields.values.joined(separator: ","), position: position)))
                    }
                    return
                }
                // A claim record before any RE: quarantine it as a claim of its own.
                open = ClaimBuilder(firstLine: line.number)
                open?.problems.append(SourceError(
                    at: position.field(1), problem: "\(type) record outside a claim: no RE record comes before it",
                    fix: "check that the file was not cut or joined wrongly; the records of a claim follow its RE record"))
            }
        }
        countTrailerTotals(type: type, line: line)
        let institution = self.institution
        let institutionProblem = self.institutionProblem
        let kind = self.kind
        open?.add(line, file: fileName) { fields throws(SourceError) in
            try ClaimsFileDecoder.parse(fields, kind: kind, institution: institution,
                                        institutionProblem: institutionProblem, dialect: dialect)
        }
        if let builder = open, builder.lineCount == ClaimsFileDecoder.maximumClaimLines + 1 {
            open?.problems.append(SourceError(
                at: position.field(1), problem: "the claim has more than \(ClaimsFileDecoder.maximumClaimLines) lines",
                fix: "check the file: an RE record is probably missing"))
        }
    }

    private static func parse(_ fields: ClaimsFields, kind: ClaimsFileKind, institution: InstitutionRecord?,
                              institutionProblem: SourceError?,
                              dialect: ClaimsDialect) throws(SourceError) -> ClaimBuilder.Parsed {
        switch fields.recordType {
        case "RE":
            guard let institution else {
                if let institutionProblem {
                    throw SourceError(at: fields.position.field(1),
                                      problem: "the institution of this claim is unknown because the file's header record "
                                          + "(IR or YK) could not be read (\(institutionProblem))",
                                      fix: institutionProblem.fix)
                }
                throw SourceError(at: fields.position.field(1),
                                  problem: "no IR or YK record comes before this claim, so its institution is unknown",
                                  fix: "the file must start with its IR (医科) or YK (調剤) record; ask the sender for the whole file")
            }
            return .header(try ClaimHeaderRecord(fields, kind: kind, dialect: dialect), institution)
        case "HO": return .insurance(try InsuranceRecord(fields, kind: kind))
        case "SJ": return .symptomNote(try SymptomNoteRecord(fields))
        case "KO": return .publicExpense(try PublicExpenseRecord(fields))
        case "SN": return .qualification(try QualificationRecord(fields))
        case "CO": return .comment(try CommentRecord(fields, kind: kind))
        case "JD": return .visitDays(try VisitDaysRecord(fields))
        case "MF": return .counterPayment(try CounterPaymentRecord(fields))
        default: break
        }
        if kind == .pharmacy {
            switch fields.recordType {
            case "SH": return .prescription(try PrescriptionRecord(fields))
            case "CZ": return .dispensing(try DispensingRecord(fields, dialect: dialect))
            case "IY": return .dispensedDrug(try DispensedDrugRecord(fields))
            case "KI": return .receptionFee(try ReceptionFeeRecord(fields, dialect: dialect))
            default: return .unknown
            }
        }
        if kind == .dental {
            switch fields.recordType {
            case "HS": return .dentalDiagnosis(try DentalDiagnosisRecord(fields, dialect: dialect))
            case "SS", "SI", "IY", "TO": return .service(try ServiceRecord(fields, layout: .dental))
            default: return .unknown
            }
        }
        switch fields.recordType {
        case "SY": return .diagnosis(try DiagnosisRecord(fields, dialect: dialect))
        case "SI", "IY", "TO": return .service(try ServiceRecord(fields))
        case "BU": return .dpcGroup(try DPCGroupRecord(fields, dialect: dialect))
        case "SB": return .dpcDiagnosis(try DPCDiagnosisRecord(fields))
        case "KK": return .dpcPatient(try DPCPatientRecord(fields, dialect: dialect))
        case "SK": return .dpcProcedure(try DPCProcedureRecord(fields, dialect: dialect))
        case "GA": return .dpcMonth(try DPCStayMonthRecord(fields, dialect: dialect))
        case "HH": return .dpcBundle(try DPCBundleRecord(fields, dialect: dialect))
        case "GT": return .dpcTotal(try DPCTotalRecord(fields, dialect: dialect))
        case "CD": return .coding(try CodingRecord(fields, dialect: dialect))
        default: return .unknown
        }
    }

    /// The ASCII text of a line's field `index` (0 is the record type), without decoding the line.
    private static func field(_ index: Int, of bytes: [UInt8]) -> String {
        let fields = bytes.split(separator: 0x2C, maxSplits: index + 1, omittingEmptySubsequences: false)
        return fields.count > index ? String(decoding: fields[index], as: UTF8.self) : ""
    }

    /// Reads a record that stands outside the claims (IR, GO, unknown); a problem becomes a warning.
    private func outside<T>(_ line: RawLine, into events: inout [ClaimsEvent],
                            _ parse: (ClaimsFields) throws(SourceError) -> T) -> T? {
        do {
            return try parse(try ClaimBuilder.fields(of: line, file: fileName))
        } catch {
            events.append(.warning(error))
            return nil
        }
    }

    private mutating func close(into events: inout [ClaimsEvent]) {
        guard let builder = open else { return }
        open = nil
        if let points = currentClaimPoints { claimPoints += points }
        currentClaimPoints = nil
        events.append(builder.finish(file: fileName))
    }

    /// GO counts each HO and KO record, and adds the points of each claim's first payer part.
    private mutating func countTrailerTotals(type: String, line: RawLine) {
        guard type == "HO" || type == "KO" else { return }
        payerParts += 1
        guard currentClaimPoints == nil || type == "HO" && !currentPointsFromInsurance else { return }
        currentClaimPoints = Int(Self.field(5, of: line.bytes)) ?? 0
        currentPointsFromInsurance = type == "HO"
    }

    private func checkTotals(_ trailer: TrailerRecord, position: SourcePosition, into events: inout [ClaimsEvent]) {
        let fix = "the file may be incomplete or edited; ask the sender to confirm it"
        if trailer.totalCount != payerParts {
            events.append(.warning(SourceError(
                at: position.field(2),
                problem: "GO 総件数 is \(trailer.totalCount) but the file has \(payerParts) HO and KO records", fix: fix)))
        }
        if trailer.totalPoints != claimPoints {
            events.append(.warning(SourceError(
                at: position.field(3),
                problem: "GO 総合計点数 is \(trailer.totalPoints) but the claims add up to \(claimPoints)", fix: fix)))
        }
    }
}
