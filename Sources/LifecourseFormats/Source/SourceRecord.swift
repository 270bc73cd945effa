public import LifecourseCore

/// What every reader produces: one unit of a source (a claim, a visit, a checkup) — who it is about,
/// which institution sent it, and the clinical events it holds, each traceable to its position.
public struct SourceRecord: Sendable {
    public var format: SourceFormat
    /// Where the unit starts in its file.
    public var position: SourcePosition
    /// The last line of the unit, for line-oriented formats.
    public var lastLine: Int?
    /// Who sent it: the institution of a claim or record, the municipality of a death record.
    public var sender: Sender
    public var identity: PersonIdentity
    public var encounter: Encounter?
    public var events: [ClinicalEvent]
    /// The billing facts, for claims.
    public var claim: ClaimFacts?
    /// The death, for death records.
    public var death: DeathFacts?
    /// The certification or care claim, for long-term care records.
    public var care: CareFacts?
    /// Records the reader did not know, kept as written.
    public var unknownRecords: [UnknownRecord]
    /// Free-text records of the unit (症状詳記 of claims, 摘要 of care claims): they may name persons, so they are
    /// kept encrypted in the vault with the unit's person, never in the research store.
    public var freeText: [UnknownRecord] = []
    /// The unit's type when the format has several (an SS-MIX2 message's data type, e.g. OMP-01).
    public var unitType: String?

    public init(format: SourceFormat, position: SourcePosition, lastLine: Int?, sender: Sender,
                identity: PersonIdentity, encounter: Encounter?, events: [ClinicalEvent], claim: ClaimFacts?,
                death: DeathFacts? = nil, care: CareFacts? = nil, unknownRecords: [UnknownRecord]) {
        self.death = death
        self.care = care
        self.format = format
        self.position = position
        self.lastLine = lastLine
        self.sender = sender
        self.identity = identity
        self.encounter = encounter
        self.events = events
        self.claim = claim
        self.unknownRecords = unknownRecords
    }

    /// The record type lineage gives to the unit's first record.
    public var unitRecordType: String {
        if let unitType { return unitType }
        if let care { return care.recordType }
        return switch format {
        case .medicalClaims, .dentalClaims, .pharmacyClaims: "RE"
        case .deathCertificates: "death"
        case .careRecords: "care"
        case .ssmix2: "HL7"
        case .checkups: "CDA"
        case .fhir: "FHIR"
        }
    }
}

/// The formats Lifecourse reads.
public enum SourceFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// レセ電 claims (RECEIPTC.UKE), 医科 (DPC claims included).
    case medicalClaims = "claims-medical"
    /// レセ電 claims (RECEIPTC.UKE with 点数表 3), 歯科.
    case dentalClaims = "claims-dental"
    /// レセ電 claims (RECEIPTY.UKE), 調剤.
    case pharmacyClaims = "claims-pharmacy"
    /// 死亡診断書 items in the documented death CSV.
    case deathCertificates = "death-certificates"
    /// 要介護認定 and 介護給付費 records in the documented care layout.
    case careRecords = "care"
    /// HL7 v2.5 messages of SS-MIX2 standardized storage (one message per file, ISO-2022-JP).
    case ssmix2 = "ssmix2"
    /// 特定健診 results: sending archives (ZIP with the ix08 index and one CDA R2 document per examinee) or single
    /// CDA documents.
    case checkups = "checkups"
    /// FHIR R4 JP Core JSON: Bundles, single resources, NDJSON.
    case fhir = "fhir"
}

/// What one payer of a claim is billed: points (1 point = 10 yen), the patient's co-payment, the days.
public struct ClaimCost: Sendable, Hashable {
    /// `insurance` (HO) or `public-expense` (KO).
    public var payer: String
    /// 法別番号: the kind of insurance or programme, the first two digits of the payer number (01 協会けんぽ,
    /// 06 健保組合, 31–34 共済, 39 後期高齢者, "00" for 国保's 6-digit insurer numbers; 公費 programmes by their own
    /// numbers). The payer number itself stays in the vault.
    public var lawCode: String?
    public var points: Int?
    /// 負担金額 in yen, when the record states it.
    public var patientBurden: Int?
    public var actualDays: Int?

    public init(payer: String, lawCode: String?, points: Int?, patientBurden: Int?, actualDays: Int?) {
        self.payer = payer
        self.lawCode = lawCode
        self.points = points
        self.patientBurden = patientBurden
        self.actualDays = actualDays
    }
}

/// A stay or a series of visits in one period (OMOP visit_occurrence).
public struct Encounter: Sendable, Hashable {
    public enum Setting: String, Sendable, Hashable, Codable {
        case inpatient, outpatient

        /// OMOP visit concepts: 9201 Inpatient Visit, 9202 Outpatient Visit.
        public var omopConceptID: Int { self == .inpatient ? 9201 : 9202 }
    }

    public var setting: Setting
    public var startDate: CalendarDate
    public var endDate: CalendarDate
    /// 入院年月日, for a stay that began before the period.
    public var admissionDate: CalendarDate?

    public init(setting: Setting, startDate: CalendarDate, endDate: CalendarDate, admissionDate: CalendarDate?) {
        self.setting = setting
        self.startDate = startDate
        self.endDate = endDate
        self.admissionDate = admissionDate
    }
}

/// The billing facts of one claim.
public struct ClaimFacts: Sendable, Hashable {
    public var claimNumber: Int
    public var claimType: String
    public var serviceMonth: YearMonth
    public var billingMonth: YearMonth
    /// Points billed to the main payer (HO, or the first KO for public-expense-only claims).
    public var points: Int?
    /// 診療実日数 (調剤: 処方箋受付回数).
    public var actualDays: Int?
    public var bedCount: Int?
    /// 調剤 claims: the institution whose prescriptions were dispensed.
    public var prescriber: InstitutionCode?
    /// The レセプト種別 decoded: main payer (``ClaimType/Payer/name``), whose claim (``ClaimType/PersonKind``),
    /// and whether it is for a stay.
    public var payerKind: String?
    public var personKind: String?
    public var isInpatient: Bool?
    /// What each payer (HO, then each KO) is billed: one row each in the cost table.
    public var costs: [ClaimCost] = []
    /// DPC claims: the diagnosis group of the stay and its bundled payments.
    public var dpc: DPCStay?

    public init(claimNumber: Int, claimType: String, serviceMonth: YearMonth, billingMonth: YearMonth, points: Int?,
                actualDays: Int?, bedCount: Int?, prescriber: InstitutionCode? = nil, type: ClaimType? = nil) {
        self.prescriber = prescriber
        payerKind = type?.payer.name
        personKind = type?.personKind.rawValue
        isInpatient = type?.isInpatient
        self.claimNumber = claimNumber
        self.claimType = claimType
        self.serviceMonth = serviceMonth
        self.billingMonth = billingMonth
        self.points = points
        self.actualDays = actualDays
        self.bedCount = bedCount
    }
}

/// The diagnosis group (診断群分類) a DPC claim bills a stay under, and the bundled (包括) payment of the month.
public struct DPCStay: Sendable, Hashable {
    /// One period of bundled days (HH): points per day × days.
    public struct Bundle: Sendable, Hashable {
        public var month: YearMonth
        /// 請求調整区分: 1 past month billed, 2 this month, 3 adjustment.
        public var adjustment: String
        /// 入院期間区分: the length-of-stay band.
        public var period: String
        public var pointsPerDay: Int
        public var days: Int
        public var subtotal: Int
        public var line: Int?

        public init(month: YearMonth, adjustment: String, period: String, pointsPerDay: Int, days: Int, subtotal: Int,
                    line: Int?) {
            self.month = month
            self.adjustment = adjustment
            self.period = period
            self.pointsPerDay = pointsPerDay
            self.days = days
            self.subtotal = subtotal
            self.line = line
        }
    }

    /// 診断群分類番号 (14 characters).
    public var groupCode: String
    public var admissionDate: CalendarDate
    public var dischargeDate: CalendarDate?
    /// DPC転帰区分.
    public var outcome: Int?
    /// 医療機関別係数 of the claim month.
    public var coefficient: Double?
    /// The month's bundled points: 包括評価点数 (subtotal × coefficient), adjustments, 今月包括合計点数.
    public var bundledPoints: Int?
    public var adjustmentPoints: Int?
    public var monthPoints: Int?
    public var bundles: [Bundle]

    public init(groupCode: String, admissionDate: CalendarDate, dischargeDate: CalendarDate?, outcome: Int?,
                coefficient: Double?, bundledPoints: Int?, adjustmentPoints: Int?, monthPoints: Int?,
                bundles: [Bundle]) {
        self.groupCode = groupCode
        self.admissionDate = admissionDate
        self.dischargeDate = dischargeDate
        self.outcome = outcome
        self.coefficient = coefficient
        self.bundledPoints = bundledPoints
        self.adjustmentPoints = adjustmentPoints
        self.monthPoints = monthPoints
        self.bundles = bundles
    }
}
