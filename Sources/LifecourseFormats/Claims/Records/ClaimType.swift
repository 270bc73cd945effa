public import LifecourseCore

/// The 4-digit レセプト種別 of an RE record, decoded.
///
/// Digit 1 is the fee schedule (1 医科, 3 歯科, 4 調剤, 6 訪問看護); digit 2 the main payer (1 医保, 2 公費,
/// 3 後期高齢者医療, 4 退職者医療); digit 3 how many payers share the claim (1 単独 … 5 五併); digit 4 the
/// person kind and setting (odd: 入院 inpatient, even: 入院外 outpatient).
public struct ClaimType: Sendable, Hashable, CustomStringConvertible {
    public enum Payer: Int, Sendable, Hashable {
        case healthInsurance = 1
        case publicExpenseOnly = 2
        case lateElderly = 3
        case retiree = 4

        /// The name the research store keeps: health-insurance (医保), public-expense-only (公費単独),
        /// late-elderly (後期高齢者医療), retiree (退職者医療).
        public var name: String {
            switch self {
            case .healthInsurance: "health-insurance"
            case .publicExpenseOnly: "public-expense-only"
            case .lateElderly: "late-elderly"
            case .retiree: "retiree"
            }
        }
    }

    /// Whose claim it is; the raw value is the name the research store keeps.
    public enum PersonKind: String, Sendable, Hashable {
        /// 本人 (the insured person)
        case insured = "insured"
        /// 未就学者 (a child before school age; 六歳未満 in older tables)
        case preschool = "preschool"
        /// 家族 (a dependant)
        case dependant = "dependant"
        /// 高齢受給者 一般・低所得者
        case elderlyGeneral = "elderly-general"
        /// 高齢受給者 7割 (現役並み所得)
        case elderlyHighIncome = "elderly-high-income"
    }

    public let code: String
    public let feeSchedule: FeeSchedule
    public let payer: Payer
    /// 1 for a single payer, 2 when one public expense programme shares the claim, and so on.
    public let payerCount: Int
    public let personKind: PersonKind
    public let isInpatient: Bool

    /// - Throws: ``ValueError`` when a digit is outside its table.
    public init(_ text: some StringProtocol) throws(ValueError) {
        let expected = "a 4-digit レセプト種別 such as 1112 (医科・医保単独・本人・入院外)"
        let digits = text.compactMap { $0.isASCII ? $0.wholeNumberValue : nil }
        guard digits.count == 4, text.count == 4 else { throw .malformed(String(text), expected: expected) }
        guard let schedule = FeeSchedule(rawValue: digits[0]) else {
            throw .outOfRange(String(text), expected: expected, reason: "digit 1 (点数表) \(digits[0]) is not 1, 3, 4 or 6")
        }
        guard let payer = Payer(rawValue: digits[1]) else {
            throw .outOfRange(String(text), expected: expected, reason: "digit 2 (保険種別) \(digits[1]) is not 1–4")
        }
        guard (1...5).contains(digits[2]) else {
            throw .outOfRange(String(text), expected: expected, reason: "digit 3 (併用) \(digits[2]) is not 1–5")
        }
        code = String(text)
        feeSchedule = schedule
        self.payer = payer
        payerCount = digits[2]
        switch digits[3] {
        case 1, 2: personKind = .insured
        case 3, 4: personKind = .preschool
        case 5, 6: personKind = .dependant
        case 7, 8: personKind = .elderlyGeneral
        default: personKind = .elderlyHighIncome
        }
        isInpatient = digits[3] % 2 == 1
    }

    public var description: String { code }
}
