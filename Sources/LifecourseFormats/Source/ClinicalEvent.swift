import Foundation
public import LifecourseCore

/// One clinical fact of a source record, with the position of the record it came from.
public enum ClinicalEvent: Sendable, Hashable {
    case diagnosis(Diagnosis)
    case procedure(Service)
    case drug(Service)
    case device(Service)
    case note(Note)
    /// A laboratory result or a body measurement (OMOP measurement).
    case measurement(Measurement)
    /// Another fact about the person (OMOP observation): an allergy, a questionnaire answer.
    case observation(Observation)

    public var position: SourcePosition {
        switch self {
        case .diagnosis(let value): value.position
        case .procedure(let value), .drug(let value), .device(let value): value.position
        case .note(let value): value.position
        case .measurement(let value): value.position
        case .observation(let value): value.position
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
        /// The unit code of a device (単位コード), or the dose unit of a drug order (MERIT-9, e.g. TAB).
        public var unitCode: String?
        /// Days supplied, for drug orders that state them.
        public var daysSupply: Int?
        /// The route of a drug (HL7 table 0162: PO, IV …), when the source states it.
        public var route: String?
        public var position: SourcePosition

        public init(system: CodeSystem, code: String, name: String?, category: String?, startDate: CalendarDate,
                    endDate: CalendarDate, quantity: Double?, times: Int?, points: Int?, unitCode: String?,
                    daysSupply: Int? = nil, route: String? = nil, position: SourcePosition) {
            self.daysSupply = daysSupply
            self.route = route
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

    /// A measured value: a laboratory result (JLAC10) or a body measurement, as number or text, with its unit,
    /// reference range and abnormal flag as the source wrote them.
    public struct Measurement: Sendable, Hashable {
        public var system: CodeSystem
        public var code: String
        public var name: String?
        public var date: CalendarDate
        /// The value when it is a number.
        public var number: Double?
        /// The value as written when it is not a number (a coded or text result).
        public var text: String?
        public var unit: String?
        /// The reference range as written, and its bounds when it reads as `low-high`.
        public var referenceRange: String?
        public var rangeLow: Double?
        public var rangeHigh: Double?
        /// H, L, HH, LL, A … (HL7 table 0078).
        public var abnormalFlag: String?
        public var position: SourcePosition

        public init(system: CodeSystem, code: String, name: String?, date: CalendarDate, number: Double?, text: String?,
                    unit: String?, referenceRange: String?, abnormalFlag: String?, position: SourcePosition) {
            self.system = system
            self.code = code
            self.name = name
            self.date = date
            self.number = number
            self.text = text
            self.unit = unit
            self.referenceRange = referenceRange
            (rangeLow, rangeHigh) = Self.bounds(of: referenceRange)
            self.abnormalFlag = abnormalFlag
            self.position = position
        }

        /// The bounds of a range written `low-high` (either side may be missing, full-width forms allowed).
        static func bounds(of range: String?) -> (Double?, Double?) {
            guard let range else { return (nil, nil) }
            let text = UnicodeNormalization.nfkc(range).replacingOccurrences(of: "~", with: "-")
                .replacingOccurrences(of: "\u{2212}", with: "-")
            // A leading minus belongs to the lower bound; the separator is the next hyphen.
            let body = text.hasPrefix("-") ? text.dropFirst() : text[...]
            guard let separator = body.firstIndex(of: "-") else { return (nil, nil) }
            let low = Double(text[text.startIndex..<separator].trimmingCharacters(in: .whitespaces))
            let high = Double(body[body.index(after: separator)...].trimmingCharacters(in: .whitespaces))
            return (low, high)
        }
    }

    /// A fact about the person that is neither a diagnosis nor a measurement: an allergy (category `allergy`,
    /// with the allergy type, e.g. `allergy:DA` for a drug), a questionnaire answer.
    public struct Observation: Sendable, Hashable {
        public var category: String
        public var system: CodeSystem
        public var code: String
        public var name: String?
        public var date: CalendarDate
        /// The answer or value, coded or as a number.
        public var valueCode: String?
        public var number: Double?
        /// A qualifier such as an allergy's severity (HL7 table 0128: SV, MO, MI).
        public var qualifier: String?
        public var position: SourcePosition

        public init(category: String, system: CodeSystem, code: String, name: String?, date: CalendarDate,
                    valueCode: String? = nil, number: Double? = nil, qualifier: String? = nil, position: SourcePosition) {
            self.category = category
            self.system = system
            self.code = code
            self.name = name
            self.date = date
            self.valueCode = valueCode
            self.number = number
            self.qualifier = qualifier
            self.position = position
        }
    }
}
