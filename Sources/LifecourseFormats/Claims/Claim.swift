public import LifecourseCore

/// One claim (レセプト): an RE record and the records that follow it up to the next RE or GO.
/// It is the unit the reader accepts or quarantines.
public struct Claim: Sendable {
    /// The file's IR record.
    public let institution: InstitutionRecord
    public let header: ClaimHeaderRecord
    /// Where the RE record is.
    public let position: SourcePosition
    /// The last line of the claim.
    public internal(set) var lastLine: Int
    public internal(set) var insurance: [InsuranceRecord] = []
    public internal(set) var publicExpenses: [PublicExpenseRecord] = []
    public internal(set) var qualifications: [QualificationRecord] = []
    public internal(set) var diagnoses: [Located<DiagnosisRecord>] = []
    public internal(set) var services: [Located<ServiceRecord>] = []
    public internal(set) var comments: [Located<CommentRecord>] = []
    public internal(set) var visitDays: [VisitDaysRecord] = []
    public internal(set) var counterPayments: [CounterPaymentRecord] = []
    /// 調剤 claims: each 剤 (SH) with its dispensing (CZ) and drugs (IY).
    public internal(set) var prescriptions: [DispensedPrescription] = []
    /// 調剤 claims: the fees charged per reception (KI).
    public internal(set) var receptionFees: [Located<ReceptionFeeRecord>] = []
    /// DPC claims: the diagnosis group, its diagnoses, bundled payments and coding data (BU … CD).
    public internal(set) var dpc: DPCRecords?
    /// 歯科 claims: the diagnoses with their teeth (HS).
    public internal(set) var dentalDiagnoses: [Located<DentalDiagnosisRecord>] = []
    /// 症状詳記 (SJ): free text, kept only with the claim's lines in the vault.
    public internal(set) var symptomNotes: [Located<SymptomNoteRecord>] = []
    /// Records of types this reader does not know, kept as written.
    public internal(set) var unknownRecords: [UnknownRecord] = []

    /// The kind of file the claim came from.
    public var kind: ClaimsFileKind {
        switch institution.institution.feeSchedule {
        case .pharmacy: .pharmacy
        case .dental: .dental
        default: .medical
        }
    }

    /// The insurance card's 枝番, from the SN record of the health-insurance payer.
    public var branchNumber: String? {
        qualifications.first { $0.payerKind == "1" }?.branchNumber
    }
}

/// The DPC records of a claim: BU first, then the others in any order.
public struct DPCRecords: Sendable, Hashable {
    public let group: Located<DPCGroupRecord>
    public internal(set) var diagnoses: [Located<DPCDiagnosisRecord>] = []
    public internal(set) var patient: DPCPatientRecord?
    public internal(set) var procedures: [Located<DPCProcedureRecord>] = []
    public internal(set) var months: [DPCStayMonthRecord] = []
    public internal(set) var bundles: [Located<DPCBundleRecord>] = []
    public internal(set) var totals: [Located<DPCTotalRecord>] = []
    public internal(set) var coding: [Located<CodingRecord>] = []
}

/// One 剤 of a 調剤 claim: its SH record, the CZ record that follows it and its IY records.
public struct DispensedPrescription: Sendable, Hashable {
    public let prescription: Located<PrescriptionRecord>
    public internal(set) var dispensing: Located<DispensingRecord>?
    public internal(set) var drugs: [Located<DispensedDrugRecord>] = []
}

/// A value and the position of the record it was read from.
public struct Located<Value: Sendable>: Sendable {
    public let value: Value
    public let position: SourcePosition

    public init(_ value: Value, at position: SourcePosition) {
        self.value = value
        self.position = position
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}

/// A record whose type the reader does not know, kept with its text and position so nothing is lost.
public struct UnknownRecord: Sendable, Hashable {
    public let recordType: String
    public let text: String
    public let position: SourcePosition
}

/// A claim that could not be read, with the reason and all its lines as received.
public struct QuarantinedClaim: Sendable, Hashable {
    /// The claim's number when its RE record could be read.
    public let claimNumber: Int?
    /// The first line of the claim (its RE record, or the first line that could not be placed).
    public let firstLine: Int
    public internal(set) var lastLine: Int
    /// The first problem found; ``problemCount`` says how many there were.
    public let problem: SourceError
    public let problemCount: Int
    /// The claim's lines exactly as received, each ended by CRLF.
    public let rawBytes: [UInt8]
}
