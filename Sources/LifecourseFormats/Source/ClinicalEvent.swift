public import LifecourseCore

/// One clinical fact of a source record, with the position of the record it came from.
public enum ClinicalEvent: Sendable, Hashable {
    case diagnosis(Diagnosis)
    case procedure(Service)
    case drug(Service)
    case device(Service)
    case note(Note)

    public var position: SourcePosition {
        switch self {
        case .diagnosis(let value): value.position
        case .procedure(let value), .drug(let value), .device(let value): value.position
        case .note(let value): value.position
        }
    }

    /// A diagnosis (病名) with its start, outcome and modifiers.
    public struct Diagnosis: Sendable, Hashable {
        public var system: CodeSystem
        public var code: String
        /// The name as the source wrote it (uncoded diagnoses carry only this).
        public var name: String?
        public var startDate: CalendarDate
        /// The last day the source knows the diagnosis held (the end of the claim month when it ended).
        public var endDate: CalendarDate?
        public var outcome: DiagnosisOutcome
        public var modifiers: [String]
        public var isMain: Bool
        /// The ICD-10 code when the source writes it beside its own code (DPC claims).
        public var icd10: String?
        /// The diagnosis's role when the source states one (DPC 傷病名区分, e.g. 01 the one that used the most
        /// resources); nil otherwise.
        public var role: String?
        /// Where on the body, when the source says: 歯式 (tooth codes) of 歯科 claims, joined by spaces.
        public var bodySite: String?
        public var position: SourcePosition

        public init(system: CodeSystem, code: String, name: String?, startDate: CalendarDate, endDate: CalendarDate?,
                    outcome: DiagnosisOutcome, modifiers: [String], isMain: Bool, icd10: String? = nil,
                    role: String? = nil, bodySite: String? = nil, position: SourcePosition) {
            self.icd10 = icd10
            self.role = role
            self.bodySite = bodySite
            self.system = system
            self.code = code
            self.name = name
            self.startDate = startDate
            self.endDate = endDate
            self.outcome = outcome
            self.modifiers = modifiers
            self.isMain = isMain
            self.position = position
        }
    }

    /// A procedure, drug or device: what was done or given, when, and how much.
    public struct Service: Sendable, Hashable {
        public var system: CodeSystem
        public var code: String
        /// The name when the source wrote one (a device's 商品名).
        public var name: String?
        /// 診療識別 (e.g. 21 内服, 33 注射, 60 検査).
        public var category: String?
        public var startDate: CalendarDate
        public var endDate: CalendarDate
        /// 数量 or 使用量 per time.
        public var quantity: Double?
        /// How many times in the period.
        public var times: Int?
        /// 点数 billed for the item's group.
        public var points: Int?
        /// The unit code of a device (単位コード).
        public var unitCode: String?
        public var position: SourcePosition

        public init(system: CodeSystem, code: String, name: String?, category: String?, startDate: CalendarDate,
                    endDate: CalendarDate, quantity: Double?, times: Int?, points: Int?, unitCode: String?,
                    position: SourcePosition) {
            self.system = system
            self.code = code
            self.name = name
            self.category = category
            self.startDate = startDate
            self.endDate = endDate
            self.quantity = quantity
            self.times = times
            self.points = points
            self.unitCode = unitCode
            self.position = position
        }
    }

    /// A coded comment with its text.
    public struct Note: Sendable, Hashable {
        public var system: CodeSystem
        public var code: String
        public var text: String?
        public var date: CalendarDate
        public var position: SourcePosition

        public init(system: CodeSystem, code: String, text: String?, date: CalendarDate, position: SourcePosition) {
            self.system = system
            self.code = code
            self.text = text
            self.date = date
            self.position = position
        }
    }
}
