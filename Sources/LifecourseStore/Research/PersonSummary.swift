public import LifecourseCore

/// A person's history in the research store: diagnoses once each, and month by month what was done.
public struct PersonSummary: Sendable, Hashable, Codable {
    public var person: PersonListing
    /// Each distinct diagnosis (code, start date), with its latest outcome.
    public var diagnoses: [DiagnosisEntry]
    public var months: [Month]
    /// The death, when a death record has been received.
    public var death: Death?
    /// Long-term care certifications and claims.
    public var care: CareHistory

    public struct DiagnosisEntry: Sendable, Hashable, Codable {
        public var code: String
        public var vocabulary: String
        /// The name from the source, or else from the 傷病名 master; nil when neither has one.
        public var name: String?
        /// ICD-10 codes: the one the source wrote (DPC claims), else those of the 傷病名 master when it is loaded and
        /// knows the code.
        public var icd10: [String]
        public var startDate: CalendarDate
        /// 転帰 in the latest month the diagnosis appears: 継続, 治ゆ, 死亡, 中止.
        public var outcome: String?
        public var modifiers: [String]
        public var isMain: Bool
        public var lastSeen: YearMonth
        public var institution: String
        /// 歯式: the teeth of a 歯科 diagnosis (6-character codes joined by spaces).
        public var bodySite: String? = nil
    }

    public struct Item: Sendable, Hashable, Codable {
        public var code: String
        public var vocabulary: String
        /// The name from the source (a device's 商品名), or else from the code's master.
        public var name: String?
        public var date: CalendarDate
        /// 診療識別.
        public var category: String?
        public var quantity: Double?
        public var times: Int?
        public var institution: String
    }

    public struct Month: Sendable, Hashable, Codable {
        public var month: YearMonth
        public var claims: Int
        public var institutions: [String]
        public var newDiagnoses: [DiagnosisEntry]
        public var drugs: [Item]
        public var procedures: [Item]
        public var devices: [Item]
    }

    public struct Death: Sendable, Hashable, Codable {
        public var date: CalendarDate
        /// The underlying cause's ICD-10 code.
        public var underlyingCause: String?
        public var causes: [DeathCause]
        public var place: String?
        public var manner: String?
    }
}
