public import LifecourseCore

/// The outcome of a diagnosis in a claim (転帰区分).
public enum DiagnosisOutcome: Int, Sendable, Hashable, Codable, CaseIterable {
    /// 継続: still under treatment.
    case continuing = 1
    /// 治ゆ: cured.
    case cured = 2
    /// 死亡: the patient died.
    case died = 3
    /// 中止（転医）: treatment stopped or moved elsewhere.
    case stopped = 4

    /// 継続, 治ゆ, 死亡, 中止.
    public var japaneseName: String {
        switch self {
        case .continuing: "継続"
        case .cured: "治ゆ"
        case .died: "死亡"
        case .stopped: "中止"
        }
    }
}

/// SY (傷病名レコード): one diagnosis of the claim.
public struct DiagnosisRecord: Sendable, Hashable {
    /// The uncoded-diagnosis code: the name is then in ``name``.
    public static let uncodedCode = "0000999"

    /// 傷病名コード (7 digits, 支払基金 master b).
    public let code: String
    /// 診療開始日.
    public let startDate: CalendarDate
    public let outcome: DiagnosisOutcome
    /// 修飾語コード: 4-digit codes (prefixes and suffixes such as 疑い, 急性, 左).
    public let modifiers: [String]
    /// 傷病名称: written for the uncoded code 0000999 (and sometimes beside a code).
    public let name: String?
    /// 主傷病: the main diagnosis of the claim.
    public let isMain: Bool
    /// 補足コメント.
    public let comment: String?

    public init(_ fields: ClaimsFields, dialect: ClaimsDialect) throws(SourceError) {
        guard let code = try fields.digits(1, "傷病名コード", count: 7) else {
            throw fields.error(1, "傷病名コード", "the field is empty but required")
        }
        self.code = code
        guard let start = try fields.date(2, "診療開始日", policy: dialect.eraPolicy) else {
            throw fields.error(2, "診療開始日", "the field is empty but required")
        }
        startDate = start
        outcome = try fields.outcome(3) ?? .continuing
        modifiers = try fields.modifierCodes(4)
        name = fields.optional(5)
        isMain = fields[6] == "01"
        comment = fields.optional(7)
        try fields.requireName(5, ofUncoded: code)
    }
}

extension ClaimsFields {
    /// 転帰区分 at `index`, or nil when empty.
    func outcome(_ index: Int) throws(SourceError) -> DiagnosisOutcome? {
        guard let code = try integer(index, "転帰区分") else { return nil }
        guard let outcome = DiagnosisOutcome(rawValue: code) else {
            throw error(index, "転帰区分", "'\(code)' is not 1 継続, 2 治ゆ, 3 死亡 or 4 中止")
        }
        return outcome
    }

    /// An uncoded diagnosis (0000999) must have its name in 傷病名称 at `index`.
    func requireName(_ index: Int, ofUncoded code: String) throws(SourceError) {
        if code == DiagnosisRecord.uncodedCode, optional(index) == nil {
            throw error(index, "傷病名称", "an uncoded diagnosis (0000999) needs its name in 傷病名称")
        }
    }
}
