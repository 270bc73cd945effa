import LifecourseCore

/// The lines of one claim as they arrive, turned into a ``Claim`` or a ``QuarantinedClaim`` at the end.
struct ClaimBuilder: Sendable {
    enum Parsed {
        case header(ClaimHeaderRecord, InstitutionRecord)
        case insurance(InsuranceRecord)
        case publicExpense(PublicExpenseRecord)
        case qualification(QualificationRecord)
        case diagnosis(DiagnosisRecord)
        case service(ServiceRecord)
        case comment(CommentRecord)
        case visitDays(VisitDaysRecord)
        case counterPayment(CounterPaymentRecord)
        case prescription(PrescriptionRecord)
        case dispensing(DispensingRecord)
        case dispensedDrug(DispensedDrugRecord)
        case receptionFee(ReceptionFeeRecord)
        case dpcGroup(DPCGroupRecord)
        case dpcDiagnosis(DPCDiagnosisRecord)
        case dpcPatient(DPCPatientRecord)
        case dpcProcedure(DPCProcedureRecord)
        case dpcMonth(DPCStayMonthRecord)
        case dpcBundle(DPCBundleRecord)
        case dpcTotal(DPCTotalRecord)
        case coding(CodingRecord)
        case dentalDiagnosis(DentalDiagnosisRecord)
        case symptomNote(SymptomNoteRecord)
        case unknown
    }

    let firstLine: Int
    private(set) var lastLine: Int
    private(set) var lineCount = 0
    private var raw: [UInt8] = []
    private var claim: Claim?
    private var claimNumber: Int?
    private var lastCategory: String?
    var problems: [SourceError] = []

    init(firstLine: Int) {
        self.firstLine = firstLine
        lastLine = firstLine
    }

    /// Decodes a line (CP932) and splits it into fields; a decoding error names the byte in the file.
    static func fields(of line: RawLine, file: String) throws(SourceError) -> ClaimsFields {
        let position = SourcePosition(file: file, line: line.number, byteOffset: line.byteOffset)
        if line.isTruncated {
            throw SourceError(at: position.field(Self.field(at: line.bytes.count, in: line.bytes)),
                              problem: "the line is longer than 64 KiB",
                              fix: "check that the file is a claims file with CRLF line ends")
        }
        do {
            return try ClaimsFields(cp932: line.bytes, position: position)
        } catch {
            // Commas are single bytes that no CP932 character contains, so the field is known without decoding.
            var at = position.field(Self.field(at: error.byteOffset, in: line.bytes))
            at.byteOffset = line.byteOffset + error.byteOffset
            throw SourceError(at: at, problem: "the line is not valid CP932 (Shift_JIS): \(error.reason)",
                              fix: "ask the sender for the file exactly as the claims system wrote it (no re-encoding)")
        }
    }

    /// The 1-based field holding the byte at `offset` of a line.
    static func field(at offset: Int, in bytes: [UInt8]) -> Int {
        bytes.prefix(offset).reduce(1) { $1 == 0x2C ? $0 + 1 : $0 }
    }

    mutating func add(_ line: RawLine, file: String, parse: (ClaimsFields) throws(SourceError) -> Parsed) {
        lastLine = line.number
        lineCount += 1
        if lineCount <= ClaimsFileDecoder.maximumClaimLines {
            raw.append(contentsOf: line.bytes)
            raw.append(contentsOf: [0x0D, 0x0A])
        }
        do {
            let fields = try ClaimBuilder.fields(of: line, file: file)
            try record(try parse(fields), fields: fields)
        } catch {
            problems.append(error)
        }
    }

    private mutating func record(_ parsed: Parsed, fields: ClaimsFields) throws(SourceError) {
        if case .header(let header, let institution) = parsed {
            claimNumber = header.claimNumber
            claim = Claim(institution: institution, header: header, position: fields.position, lastLine: firstLine)
            return
        }
        guard claim != nil else { return }  // the RE failed; its problem is already recorded
        let at = fields.position
        switch parsed {
        case .header: break
        case .insurance(let record): claim?.insurance.append(record)
        case .publicExpense(let record): claim?.publicExpenses.append(record)
        case .qualification(let record): claim?.qualifications.append(record)
        case .diagnosis(let record): claim?.diagnoses.append(Located(record, at: at))
        case .service(var record):
            if record.category == nil {
                guard let previous = lastCategory else {
                    throw fields.error(1, "診療識別", "empty on the claim's first item, so there is nothing to carry over")
                }
                record.category = previous
            }
            lastCategory = record.category
            if let month = claim?.header.serviceMonth, let day = record.days.last, day > month.dayCount {
                throw fields.error(record.firstDayField + day - 1, "day \(day) count",
                                   "\(month) has only \(month.dayCount) days")
            }
            claim?.services.append(Located(record, at: at))
        case .comment(let record):
            if let category = record.category { lastCategory = category }
            claim?.comments.append(Located(record, at: at))
        case .visitDays(let record): claim?.visitDays.append(record)
        case .counterPayment(let record): claim?.counterPayments.append(record)
        case .prescription(let record):
            claim?.prescriptions.append(DispensedPrescription(prescription: Located(record, at: at)))
        case .dispensing(let record):
            guard let last = claim?.prescriptions.indices.last, claim?.prescriptions[last].dispensing == nil else {
                throw fields.error(0, "レコード識別情報", "a CZ record must follow its SH record, once",
                                   fix: "check the order of the claim's records: SH, then CZ, then its IY records")
            }
            claim?.prescriptions[last].dispensing = Located(record, at: at)
        case .dispensedDrug(let record):
            guard let last = claim?.prescriptions.indices.last else {
                throw fields.error(0, "レコード識別情報", "an IY record comes before any SH record",
                                   fix: "check the order of the claim's records: SH, then CZ, then its IY records")
            }
            claim?.prescriptions[last].drugs.append(Located(record, at: at))
        case .receptionFee(let record): claim?.receptionFees.append(Located(record, at: at))
        case .dpcGroup(let record):
            guard claim?.dpc == nil else {
                throw fields.error(0, "レコード識別情報", "a second BU record in one claim",
                                   fix: "a DPC claim has one BU record; check that an RE record is not missing")
            }
            claim?.dpc = DPCRecords(group: Located(record, at: at))
        case .dpcDiagnosis(let record): try addDPC(fields) { $0.diagnoses.append(Located(record, at: at)) }
        case .dpcPatient(let record): try addDPC(fields) { $0.patient = record }
        case .dpcProcedure(let record): try addDPC(fields) { $0.procedures.append(Located(record, at: at)) }
        case .dpcMonth(let record): try addDPC(fields) { $0.months.append(record) }
        case .dpcBundle(let record): try addDPC(fields) { $0.bundles.append(Located(record, at: at)) }
        case .dpcTotal(let record): try addDPC(fields) { $0.totals.append(Located(record, at: at)) }
        case .coding(let record):
            if let month = claim?.header.serviceMonth, record.date.yearMonth > month {
                throw fields.error(1, "実施年月日", "\(record.date) is after the claim's month \(month)")
            }
            try addDPC(fields) { $0.coding.append(Located(record, at: at)) }
        case .dentalDiagnosis(let record): claim?.dentalDiagnoses.append(Located(record, at: at))
        case .symptomNote(let record): claim?.symptomNotes.append(Located(record, at: at))
        case .unknown:
            claim?.unknownRecords.append(UnknownRecord(recordType: fields.recordType,
                                                       text: fields.values.joined(separator: ","), position: at))
        }
    }

    /// Adds a DPC record to the claim's DPC part, which its BU record opens.
    private mutating func addDPC(_ fields: ClaimsFields, _ add: (inout DPCRecords) -> Void) throws(SourceError) {
        guard claim?.dpc != nil else {
            throw fields.error(0, "レコード識別情報", "a \(fields.recordType) record comes before the claim's BU record",
                               fix: "check the order of the claim's records: the DPC records follow BU (診断群分類)")
        }
        add(&claim!.dpc!)
    }

    func finish(file: String) -> ClaimsEvent {
        if let claim, problems.isEmpty {
            var finished = claim
            finished.lastLine = lastLine
            return .claim(finished)
        }
        let problem = problems.first ?? SourceError(
            at: SourcePosition(file: file, line: firstLine, field: 1), problem: "the claim could not be read",
            fix: "check the claim's records")
        return .quarantined(QuarantinedClaim(claimNumber: claimNumber, firstLine: firstLine, lastLine: lastLine,
                                             problem: problem, problemCount: max(problems.count, 1), rawBytes: raw))
    }
}
