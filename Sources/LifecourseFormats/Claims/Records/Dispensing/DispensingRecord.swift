public import LifecourseCore

/// CZ (調剤情報レコード) of a 調剤 claim: when the 剤 before it was prescribed and dispensed, how much, and its
/// fees (薬剤調製料, 調剤管理料 and 加算).
public struct DispensingRecord: Sendable, Hashable {
    /// A 調剤行為 code with its points.
    public struct Fee: Sendable, Hashable {
        public let code: String
        public let points: Int?
    }

    public let prescriptionDate: CalendarDate
    public let dispensingDate: CalendarDate
    /// 処方箋受付回: which reception of the month.
    public let receptionNumber: Int
    /// 調剤数量: days for 内服, doses for 屯服.
    public let quantity: Int
    public let preparation: Fee?
    /// 薬剤料 of the 剤 (unit drug points × quantity).
    public let drugPoints: Int?
    public let additions: [Fee]
    public let management: Fee?

    public init(_ fields: ClaimsFields, dialect: ClaimsDialect) throws(SourceError) {
        guard let prescribed = try fields.date(2, "処方年月日", policy: dialect.eraPolicy) else {
            throw fields.error(2, "処方年月日", "the field is empty but required")
        }
        guard let dispensed = try fields.date(3, "調剤年月日", policy: dialect.eraPolicy) else {
            throw fields.error(3, "調剤年月日", "the field is empty but required")
        }
        guard let reception = try fields.integer(4, "処方箋受付回"), let quantity = try fields.integer(5, "調剤数量") else {
            throw fields.error(fields.optional(4) == nil ? 4 : 5, fields.optional(4) == nil ? "処方箋受付回" : "調剤数量",
                               "the field is empty but required")
        }
        prescriptionDate = prescribed
        dispensingDate = dispensed
        receptionNumber = reception
        self.quantity = quantity
        preparation = try Self.fee(fields, code: 9, points: 10, name: "薬剤調製料")
        drugPoints = try fields.integer(13, "薬剤料点数")
        var additions = [Fee]()
        for slot in 0..<10 {
            if let fee = try Self.fee(fields, code: 16 + slot * 3, points: 17 + slot * 3, name: "加算料\(slot + 1)") {
                additions.append(fee)
            }
        }
        self.additions = additions
        management = try Self.fee(fields, code: 60, points: 61, name: "調剤管理料")
    }

    private static func fee(_ fields: ClaimsFields, code: Int, points: Int, name: String) throws(SourceError) -> Fee? {
        guard let code = try fields.digits(code, "\(name)コード", count: 9) else { return nil }
        return Fee(code: code, points: try fields.integer(points, "\(name)点数"))
    }
}
