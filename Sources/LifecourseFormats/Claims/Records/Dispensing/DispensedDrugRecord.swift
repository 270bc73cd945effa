public import LifecourseCore

/// IY (医薬品レコード) of a 調剤 claim: one drug of the 剤 before it, with the quantity of one unit (a day of
/// 内服, a dose of 屯服).
public struct DispensedDrugRecord: Sendable, Hashable {
    /// 負担区分.
    public let burdenKind: String?
    /// 9-digit 医薬品コード (master y).
    public let code: String
    /// 使用量 per unit.
    public let quantity: Double?

    public init(_ fields: ClaimsFields) throws(SourceError) {
        burdenKind = fields.optional(1)
        guard let code = try fields.digits(2, "医薬品コード", count: 9) else {
            throw fields.error(2, "医薬品コード", "the field is empty but required")
        }
        self.code = code
        quantity = try fields.decimal(3, "使用量")
    }
}
