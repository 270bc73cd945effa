public import LifecourseCore

/// One 調剤 (pharmacy) claim to write: the prescriptions a pharmacy dispensed to one person in one month.
///
/// A claim holds one or more receptions (処方箋受付), each the prescription of one prescribing institution on
/// one day; a reception holds one or more prescriptions (剤, written as SH + CZ + IY records), each a group
/// of drugs taken the same way for the same number of days.
public struct WrittenDispensingClaim: Sendable {
    /// A 調剤行為 code with its points.
    public struct Fee: Sendable {
        public var code: String
        public var points: Int

        public init(code: String, points: Int) {
            self.code = code
            self.points = points
        }
    }

    /// The institution that wrote the prescriptions (処方医療機関).
    public struct Prescriber: Sendable {
        public var code: InstitutionCode
        public var name: String

        public init(code: InstitutionCode, name: String) {
            self.code = code
            self.name = name
        }
    }

    public struct Drug: Sendable {
        /// The 9-digit 医薬品コード.
        public var code: String
        /// Units a day (the IY record's 使用量 for one day; the 剤's days multiply it).
        public var dailyQuantity: Double

        public init(code: String, dailyQuantity: Double) {
            self.code = code
            self.dailyQuantity = dailyQuantity
        }
    }

    /// One 剤: drugs taken the same way for the same days.
    public struct Prescription: Sendable {
        /// 剤形コード: 1 内服, 2 内滴, 3 屯服, 4 注射, 5 外用, 6 浸煎, 7 湯, 9 材料.
        public var form: String
        /// 用法コード (e.g. 006 1日1回朝食後服用), or empty.
        public var usage: String
        /// 調剤数量: days for 内服, times for 屯服.
        public var days: Int
        /// 単位薬剤料: the points of one day's drugs.
        public var unitDrugPoints: Int
        /// 薬剤調製料 (charged for up to three 内服 剤 of a reception; nil beyond).
        public var preparation: Fee?
        /// 調剤管理料.
        public var management: Fee?
        public var drugs: [Drug]

        public init(form: String, usage: String, days: Int, unitDrugPoints: Int, preparation: Fee?, management: Fee?,
                    drugs: [Drug]) {
            self.form = form
            self.usage = usage
            self.days = days
            self.unitDrugPoints = unitDrugPoints
            self.preparation = preparation
            self.management = management
            self.drugs = drugs
        }

        /// 薬剤料: the unit drug points times the days.
        public var drugPoints: Int { unitDrugPoints * days }

        public var points: Int { drugPoints + (preparation?.points ?? 0) + (management?.points ?? 0) }
    }

    /// One 処方箋受付: the prescriptions of one prescription slip, with the fees charged once per reception.
    public struct Reception: Sendable {
        public var prescriptionDate: CalendarDate
        public var dispensingDate: CalendarDate
        /// 調剤基本料.
        public var basicFee: Fee
        /// 薬学管理料 such as 服薬管理指導料.
        public var guidanceFees: [Fee]
        public var prescriptions: [Prescription]

        public init(prescriptionDate: CalendarDate, dispensingDate: CalendarDate, basicFee: Fee, guidanceFees: [Fee],
                    prescriptions: [Prescription]) {
            self.prescriptionDate = prescriptionDate
            self.dispensingDate = dispensingDate
            self.basicFee = basicFee
            self.guidanceFees = guidanceFees
            self.prescriptions = prescriptions
        }

        public var points: Int {
            basicFee.points + guidanceFees.reduce(0) { $0 + $1.points } + prescriptions.reduce(0) { $0 + $1.points }
        }
    }

    /// The claim's header; the admission date and bed count stay empty on 調剤 claims, the chart number is the
    /// pharmacy's 調剤録番号.
    public var header: WrittenClaim.Header
    public var prescriber: Prescriber
    public var insurance: WrittenClaim.Card?
    public var publicExpenses: [WrittenClaim.PublicExpense]
    public var qualification: WrittenClaim.Qualification?
    public var receptions: [Reception]

    public init(header: WrittenClaim.Header, prescriber: Prescriber, insurance: WrittenClaim.Card?,
                publicExpenses: [WrittenClaim.PublicExpense] = [], qualification: WrittenClaim.Qualification?,
                receptions: [Reception]) {
        self.header = header
        self.prescriber = prescriber
        self.insurance = insurance
        self.publicExpenses = publicExpenses
        self.qualification = qualification
        self.receptions = receptions
    }

    public var points: Int { receptions.reduce(0) { $0 + $1.points } }
}
