public import LifecourseCore

/// KI (基本料・薬学管理料レコード) of a 調剤 claim: the fees charged once per reception — 調剤基本料 and the
/// 薬学管理料 such as 服薬管理指導料.
public struct ReceptionFeeRecord: Sendable, Hashable {
    public struct Fee: Sendable, Hashable {
        public let code: String
        public let times: Int?
        public let points: Int?
    }

    /// 算定日.
    public let date: CalendarDate
    /// 処方箋受付回.
    public let receptionNumber: Int?
    public let basicFee: Fee?
    /// The 薬学管理料 and 摘要薬学管理料 slots, in order.
    public let fees: [Fee]

    public init(_ fields: ClaimsFields, dialect: ClaimsDialect) throws(SourceError) {
        guard let date = try fields.date(1, "算定日", policy: dialect.eraPolicy) else {
            throw fields.error(1, "算定日", "the field is empty but required")
        }
        self.date = date
        receptionNumber = try fields.integer(2, "処方箋受付回")
        if let code = try fields.digits(4, "調剤基本料コード", count: 9) {
            basicFee = Fee(code: code, times: 1, points: try fields.integer(5, "調剤基本料点数"))
        } else {
            basicFee = nil
        }
        var fees = [Fee]()
        for slot in 0..<15 {
            let start = 7 + slot * 4
            guard let code = try fields.digits(start + 1, "薬学管理料\(slot + 1)コード", count: 9) else { continue }
            fees.append(Fee(code: code, times: try fields.integer(start + 2, "薬学管理料\(slot + 1)回数"),
                            points: try fields.integer(start + 3, "薬学管理料\(slot + 1)点数")))
        }
        self.fees = fees
    }
}
