public import LifecourseCore

/// One claim to write.
public struct WrittenClaim: Sendable {
    public struct Header: Sendable {
        public var claimNumber: Int
        public var claimType: String
        public var serviceMonth: YearMonth
        public var name: String
        public var kanaName: String?
        public var sex: Sex
        public var birthDate: CalendarDate
        public var benefitRate: Int?
        public var admissionDate: CalendarDate?
        public var bedCount: Int?
        public var chartNumber: String
        /// 歯科: 診療開始日 and 転帰区分 of the course of treatment, written in RE.
        public var treatmentStart: CalendarDate?
        public var treatmentOutcome: DiagnosisOutcome?

        public init(claimNumber: Int, claimType: String, serviceMonth: YearMonth, name: String, kanaName: String?,
                    sex: Sex, birthDate: CalendarDate, benefitRate: Int?, admissionDate: CalendarDate?,
                    bedCount: Int?, chartNumber: String) {
            self.claimNumber = claimNumber
            self.claimType = claimType
            self.serviceMonth = serviceMonth
            self.name = name
            self.kanaName = kanaName
            self.sex = sex
            self.birthDate = birthDate
            self.benefitRate = benefitRate
            self.admissionDate = admissionDate
            self.bedCount = bedCount
            self.chartNumber = chartNumber
        }
    }

    public struct Card: Sendable {
        public var insurerNumber: String
        public var symbol: String
        public var number: String

        public init(insurerNumber: String, symbol: String, number: String) {
            self.insurerNumber = insurerNumber
            self.symbol = symbol
            self.number = number
        }
    }

    public struct PublicExpense: Sendable {
        public var payerNumber: String
        public var recipientNumber: String

        public init(payerNumber: String, recipientNumber: String) {
            self.payerNumber = payerNumber
            self.recipientNumber = recipientNumber
        }
    }

    public struct Qualification: Sendable {
        /// 確認区分: 01 online qualification check, 02 card shown.
        public var confirmation: String
        public var branch: String

        public init(confirmation: String, branch: String) {
            self.confirmation = confirmation
            self.branch = branch
        }
    }

    public struct Diagnosis: Sendable {
        public var code: String
        public var name: String?
        public var startDate: CalendarDate
        public var outcome: DiagnosisOutcome
        public var modifiers: [String]
        public var isMain: Bool
        /// 歯科: the 6-character tooth codes (歯式) of the diagnosis.
        public var teeth: [String]

        public init(code: String, name: String?, startDate: CalendarDate, outcome: DiagnosisOutcome,
                    modifiers: [String] = [], isMain: Bool, teeth: [String] = []) {
            self.teeth = teeth
            self.code = code
            self.name = name
            self.startDate = startDate
            self.outcome = outcome
            self.modifiers = modifiers
            self.isMain = isMain
        }
    }

    public struct Comment: Sendable {
        public var code: String
        public var text: String

        public init(code: String, text: String) {
            self.code = code
            self.text = text
        }
    }

    /// A 加算 written with a dental procedure (SS).
    public struct Addition: Sendable {
        public var code: String
        public var quantity: Int?

        public init(code: String, quantity: Int?) {
            self.code = code
            self.quantity = quantity
        }
    }

    public struct Item: Sendable {
        /// SI, IY, TO or (歯科) SS.
        public var recordType: String
        public var category: String?
        public var burdenKind: String
        public var code: String
        public var quantity: Double?
        public var points: Int?
        public var times: Int
        public var name: String?
        /// Day of the month → count.
        public var dayCounts: [(Int, Int)]
        public var comments: [Comment]
        public var additions: [Addition]

        public init(recordType: String, category: String?, burdenKind: String = "1", code: String, quantity: Double?,
                    points: Int?, times: Int, name: String? = nil, dayCounts: [(Int, Int)], comments: [Comment] = [],
                    additions: [Addition] = []) {
            self.additions = additions
            self.recordType = recordType
            self.category = category
            self.burdenKind = burdenKind
            self.code = code
            self.quantity = quantity
            self.points = points
            self.times = times
            self.name = name
            self.dayCounts = dayCounts
            self.comments = comments
        }
    }

    public var header: Header
    public var insurance: Card?
    public var publicExpenses: [PublicExpense]
    public var qualification: Qualification?
    public var diagnoses: [Diagnosis]
    public var items: [Item]
    public var actualDays: Int
    public var points: Int
    /// The DPC records of a DPC claim.
    public var dpc: WrittenDPC?

    public init(header: Header, insurance: Card?, publicExpenses: [PublicExpense] = [], qualification: Qualification?,
                diagnoses: [Diagnosis], items: [Item], actualDays: Int, points: Int, dpc: WrittenDPC? = nil) {
        self.dpc = dpc
        self.header = header
        self.insurance = insurance
        self.publicExpenses = publicExpenses
        self.qualification = qualification
        self.diagnoses = diagnoses
        self.items = items
        self.actualDays = actualDays
        self.points = points
    }
}
