public import LifecourseCore

/// HO (保険者レコード): the health-insurance card the claim is billed to.
public struct InsuranceRecord: Sendable, Hashable {
    /// 保険者番号: 8 digits (6 for 国民健康保険, written right-aligned).
    public let insurerNumber: String
    /// 被保険者証（手帳）等の記号, as written (often full-width).
    public let cardSymbol: String?
    /// 被保険者証（手帳）等の番号, as written.
    public let cardNumber: String
    /// 診療実日数: days of care in the month (調剤: 処方箋受付回数, receptions in the month).
    public let actualDays: Int?
    /// 合計点数: points billed to this payer.
    public let totalPoints: Int?
    /// 負担金額 (医療保険): the patient's co-payment in yen.
    public let patientBurden: Int?

    public init(_ fields: ClaimsFields, kind: ClaimsFileKind = .medical) throws(SourceError) {
        insurerNumber = try fields.required(1, "保険者番号").trimmingSpaces()
        cardSymbol = fields.optional(2)
        cardNumber = try fields.required(3, "被保険者証等の番号")
        actualDays = try fields.integer(4, kind == .pharmacy ? "処方箋受付回数" : "診療実日数")
        totalPoints = try fields.integer(5, "合計点数")
        // 医科 writes a 予備 field after 合計点数 that 歯科 does not; 調剤 has no meal fields.
        let burdenField = switch kind {
        case .medical: 11
        case .dental: 10
        case .pharmacy: 9
        }
        patientBurden = try fields.integer(burdenField, "負担金額")
    }
}

/// KO (公費レコード): a public-expense programme (公費負担医療) that pays part or all of the claim.
public struct PublicExpenseRecord: Sendable, Hashable {
    /// 公費負担者番号: 8 digits, the first two naming the programme (法別番号).
    public let payerNumber: String
    /// 公費受給者番号: 7 digits (empty for some programmes; all zeros in test files).
    public let recipientNumber: String?
    public let actualDays: Int?
    public let totalPoints: Int?
    public let patientBurden: Int?

    public init(_ fields: ClaimsFields) throws(SourceError) {
        payerNumber = try fields.required(1, "公費負担者番号").trimmingSpaces()
        recipientNumber = fields.optional(2)
        actualDays = try fields.integer(4, "診療実日数")
        totalPoints = try fields.integer(5, "合計点数")
        patientBurden = try fields.integer(6, "負担金額")
    }
}

/// SN (資格確認レコード): how the patient's eligibility was confirmed, and the card's 枝番 (branch number,
/// which tells apart family members sharing one card number since 2021).
public struct QualificationRecord: Sendable, Hashable {
    /// 負担者種別: 1 医療保険, 2–5 公費 1–4.
    public let payerKind: String
    /// 確認区分: 01 online qualification check, 02 card shown, 03 other.
    public let confirmation: String?
    public let insurerNumber: String?
    public let cardSymbol: String?
    public let cardNumber: String?
    /// 枝番 (two digits).
    public let branchNumber: String?
    public let recipientNumber: String?

    public init(_ fields: ClaimsFields) throws(SourceError) {
        payerKind = try fields.required(1, "負担者種別")
        confirmation = fields.optional(2)
        insurerNumber = fields.optional(3)?.trimmingSpaces()
        cardSymbol = fields.optional(4)
        cardNumber = fields.optional(5)
        branchNumber = fields.optional(6)
        recipientNumber = fields.optional(7)
    }
}

extension String {
    func trimmingSpaces() -> String {
        var view = Substring(self)
        while view.first == " " || view.first == "\u{3000}" { view = view.dropFirst() }
        while view.last == " " || view.last == "\u{3000}" { view = view.dropLast() }
        return String(view)
    }
}
