public import LifecourseCore

/// IR (医療機関情報レコード) or YK (薬局情報レコード): the sending institution or pharmacy, first record of a
/// claims file. YK has no 予備 field before the name, so its later fields sit one position earlier.
public struct InstitutionRecord: Sendable, Hashable {
    /// 審査支払機関: 1 社会保険診療報酬支払基金, 2 国民健康保険団体連合会.
    public let payer: String
    public let institution: InstitutionCode
    /// 医療機関名称 (often left empty).
    public let name: String?
    /// 請求年月: the month the claims are billed in.
    public let billingMonth: YearMonth
    /// マルチボリューム識別情報: 00 single volume, 01… volume number, 99 last volume.
    public let volume: String?
    public let phone: String?

    public init(_ fields: ClaimsFields, dialect: ClaimsDialect) throws(SourceError) {
        payer = try fields.required(1, "審査支払機関")
        let prefecture = try fields.required(2, "都道府県")
        let schedule = try fields.required(3, "点数表")
        let local = try fields.required(4, "医療機関コード")
        do {
            institution = try InstitutionCode(prefecture + schedule + local)
        } catch {
            throw fields.error(2, "都道府県・点数表・医療機関コード", error.description)
        }
        let shift = fields.recordType == "YK" ? -1 : 0
        name = fields.optional(6 + shift)
        billingMonth = try fields.requiredValue(7 + shift, "請求年月") { text throws(ValueError) in
            try DateCode.month(text, policy: dialect.eraPolicy)
        }
        volume = fields.optional(8 + shift)
        phone = fields.optional(9 + shift)
    }
}
