public import LifecourseCore

/// HS (傷病名部位レコード): a diagnosis of a 歯科 claim with the teeth it concerns (歯式).
public struct DentalDiagnosisRecord: Sendable, Hashable {
    /// 診療開始日: written on inpatient claims; outpatient claims give it once in the RE record.
    public let startDate: CalendarDate?
    public let outcome: DiagnosisOutcome?
    /// 歯式コード: one 6-character code per tooth or region.
    public let teeth: [String]
    /// 傷病名コード (7 digits; 0000999 uncoded).
    public let code: String
    public let modifiers: [String]
    public let name: String?
    /// 併存傷病名数 and 病態移行 (1 before, 2 after the change of condition).
    public let comorbidityCount: Int?
    public let transition: String?
    public let isMain: Bool
    /// 補足コメント: its comment code and text.
    public let commentCode: String?
    public let comment: String?

    public init(_ fields: ClaimsFields, dialect: ClaimsDialect) throws(SourceError) {
        startDate = try fields.date(1, "診療開始日", policy: dialect.eraPolicy)
        outcome = try fields.outcome(2)
        teeth = try fields.toothCodes(3)
        guard let code = try fields.digits(4, "傷病名コード", count: 7) else {
            throw fields.error(4, "傷病名コード", "the field is empty but required")
        }
        self.code = code
        modifiers = try fields.modifierCodes(5)
        name = fields.optional(6)
        comorbidityCount = try fields.integer(7, "併存傷病名数")
        transition = fields.optional(8)
        isMain = fields[9] == "01"
        commentCode = fields.optional(10)
        comment = fields.optional(11)
        try fields.requireName(6, ofUncoded: code)
    }
}

/// SJ (症状詳記レコード): a free-text account of the patient's condition written to justify the claim.
/// It is kept in the vault with the claim's lines (free text may name persons), not in the research store.
public struct SymptomNoteRecord: Sendable, Hashable {
    /// 症状詳記区分.
    public let kind: String?
    public let text: String

    public init(_ fields: ClaimsFields) throws(SourceError) {
        kind = fields.optional(1)
        text = try fields.required(2, "症状詳記データ")
    }
}
