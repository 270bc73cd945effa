public import LifecourseCore

/// GO (診療報酬請求書レコード): the last record, with totals the reader checks the file against.
public struct TrailerRecord: Sendable, Hashable {
    /// 総件数: the number of payer parts billed (each HO and KO of every claim counts once).
    public let totalCount: Int
    /// 総合計点数.
    public let totalPoints: Int
    /// マルチボリューム識別情報: 99 on the last volume.
    public let volume: String?

    public init(_ fields: ClaimsFields) throws(SourceError) {
        guard let count = try fields.integer(1, "総件数") else {
            throw fields.error(1, "総件数", "the field is empty but required")
        }
        guard let points = try fields.integer(2, "総合計点数") else {
            throw fields.error(2, "総合計点数", "the field is empty but required")
        }
        totalCount = count
        totalPoints = points
        volume = fields.optional(3)
    }
}

/// JD (受診日等レコード): for one payer, the days of the month the patient was seen.
public struct VisitDaysRecord: Sendable, Hashable {
    /// 負担者種別: 1 医療保険, 2–5 公費 1–4.
    public let payerKind: String
    /// Per day 1 … 31: 0 or empty none, 1 seen, 2 seen with the fee, 3 other (as written).
    public let dayCodes: [Int]

    public init(_ fields: ClaimsFields) throws(SourceError) {
        payerKind = try fields.required(1, "負担者種別")
        dayCodes = try fields.dayCounts(from: 2)
    }
}

/// MF (窓口負担額レコード): the co-payment class at the counter.
public struct CounterPaymentRecord: Sendable, Hashable {
    /// 窓口負担額区分.
    public let paymentClass: String?

    public init(_ fields: ClaimsFields) throws(SourceError) {
        paymentClass = fields.optional(1)
    }
}
