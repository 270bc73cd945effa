public import LifecourseCore

/// SH (処方基本レコード) of a 調剤 claim: one 剤 — drugs taken the same way — and its unit drug points.
public struct PrescriptionRecord: Sendable, Hashable {
    /// 処方No: the 剤's number within the claim.
    public let number: Int
    /// 剤形コード: 1 内服, 2 内滴, 3 屯服, 4 注射, 5 外用, 6 浸煎, 7 湯, 9 材料.
    public let form: String
    /// 用法コード (e.g. 006 1日1回朝食後服用).
    public let usage: String?
    /// 特別指示.
    public let instruction: String?
    /// 単位薬剤料: the points of one unit (a day of 内服, a dose of 屯服).
    public let unitDrugPoints: Int?

    public init(_ fields: ClaimsFields) throws(SourceError) {
        guard let number = try fields.integer(1, "処方No") else {
            throw fields.error(1, "処方No", "the field is empty but required")
        }
        self.number = number
        form = try fields.required(2, "剤形")
        usage = fields.optional(3)
        instruction = fields.optional(4)
        unitDrugPoints = try fields.integer(5, "単位薬剤料")
    }
}
