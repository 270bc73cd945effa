public import LifecourseCore

/// GA (外泊レコード): the month's nights away and the hospital's coefficient (医療機関別係数).
public struct DPCStayMonthRecord: Sendable, Hashable {
    public let month: YearMonth
    /// 請求調整区分 (別表27).
    public let adjustment: String
    /// 外泊等: one code per day of the month (別表28), as written.
    public let awayDays: String?
    /// 診断群分類番号 of that month when it differs from the BU record's.
    public let groupCode: String?
    /// 医療機関別係数 (e.g. 1.4231).
    public let coefficient: Double
    /// 翌月再入院予定の有無.
    public let readmissionPlanned: Bool

    public init(_ fields: ClaimsFields, dialect: ClaimsDialect) throws(SourceError) {
        guard let month = try fields.month(1, "診療年月", policy: dialect.eraPolicy) else {
            throw fields.error(1, "診療年月", "the field is empty but required")
        }
        self.month = month
        adjustment = try fields.required(2, "請求調整区分")
        awayDays = fields.optional(3)
        groupCode = fields.optional(4)
        guard let coefficient = try fields.decimal(5, "医療機関別係数") else {
            throw fields.error(5, "医療機関別係数", "the field is empty but required")
        }
        self.coefficient = coefficient
        readmissionPlanned = fields[6] == "1"
    }
}

/// The fields HH and GT records open with: which month, which billing and which payer a bundled amount is for.
public struct DPCBillingPart: Sendable, Hashable {
    public let month: YearMonth
    /// 請求調整区分 (別表27): 1 past months already billed, 2 this month's billing, 3 adjustment.
    public let adjustment: String
    /// 自他保険区分 (別表29) and 負担区分.
    public let ownInsurance: String?
    public let burdenKind: String?

    init(_ fields: ClaimsFields, dialect: ClaimsDialect) throws(SourceError) {
        guard let month = try fields.month(1, "診療年月", policy: dialect.eraPolicy) else {
            throw fields.error(1, "診療年月", "the field is empty but required")
        }
        self.month = month
        adjustment = try fields.required(2, "請求調整区分")
        ownInsurance = fields.optional(3)
        burdenKind = fields.optional(4)
    }
}

/// HH (包括評価レコード): the bundled (包括) payment of one period of the stay: points per day × days.
public struct DPCBundleRecord: Sendable, Hashable {
    public let part: DPCBillingPart
    /// 入院期間区分 (別表30): period I, II, III … of the group's length-of-stay bands.
    public let period: String
    /// 入院期間区分別点数: bundled points per day.
    public let pointsPerDay: Int
    /// 入院期間区分別入院日数: days in the period (nights away excluded).
    public let days: Int
    /// 包括小計点数.
    public let subtotal: Int

    public init(_ fields: ClaimsFields, dialect: ClaimsDialect) throws(SourceError) {
        part = try DPCBillingPart(fields, dialect: dialect)
        period = try fields.required(5, "入院期間区分")
        pointsPerDay = try fields.requiredInteger(6, "入院期間区分別点数")
        days = try fields.requiredInteger(7, "入院期間区分別入院日数")
        subtotal = try fields.requiredInteger(8, "包括小計点数")
        guard subtotal == pointsPerDay * days else {
            throw fields.error(8, "包括小計点数", "\(subtotal) is not \(pointsPerDay) points × \(days) days")
        }
    }
}

/// GT (合計調整レコード): the month's bundled points after the hospital's coefficient, and adjustments.
public struct DPCTotalRecord: Sendable, Hashable {
    public let part: DPCBillingPart
    /// 包括小計点数合算: the sum of the month's HH subtotals.
    public let subtotal: Int
    /// 包括評価点数: the subtotal × 医療機関別係数.
    public let bundledPoints: Int
    /// 調整点数: the difference for a month billed before (may be negative).
    public let adjustmentPoints: Int?
    /// 今月包括合計点数: the bundled points billed this month.
    public let monthPoints: Int?
    /// 変更年月日 and its 文字データ, when the payer or burden changed.
    public let changeDate: CalendarDate?
    public let changeText: String?

    public init(_ fields: ClaimsFields, dialect: ClaimsDialect) throws(SourceError) {
        part = try DPCBillingPart(fields, dialect: dialect)
        subtotal = try fields.requiredInteger(5, "包括小計点数合算")
        bundledPoints = try fields.requiredInteger(6, "包括評価点数")
        adjustmentPoints = try fields.integer(7, "調整点数")
        monthPoints = try fields.integer(8, "今月包括合計点数")
        changeDate = try fields.date(10, "変更年月日", policy: dialect.eraPolicy)
        changeText = fields.optional(11)
    }
}

/// CD (コーディングデータレコード): one item of care actually given in a DPC stay, bundled or not, on its day:
/// the record a DPC claim keeps of every procedure, drug and device.
public struct CodingRecord: Sendable, Hashable {
    public let date: CalendarDate
    /// 診療識別.
    public let category: String
    /// 順序番号 and 行為明細番号: the act and the line within it.
    public let sequence: Int
    public let detail: Int
    /// レセプト電算処理システム用コード: a procedure (s), drug (y, starting 6) or device (t, starting 7) code.
    public let code: String
    /// 使用量 (drugs and devices), 数量データ (procedures).
    public let quantity: Double?
    public let count: Int?
    public let unitCode: String?
    /// 回数.
    public let times: Int
    /// 特定器材名称, for an uncoded device.
    public let deviceName: String?

    public init(_ fields: ClaimsFields, dialect: ClaimsDialect) throws(SourceError) {
        guard let date = try fields.date(1, "実施年月日", policy: dialect.eraPolicy) else {
            throw fields.error(1, "実施年月日", "the field is empty but required")
        }
        self.date = date
        category = try fields.required(2, "診療識別")
        sequence = try fields.requiredInteger(3, "順序番号")
        detail = try fields.requiredInteger(4, "行為明細番号")
        guard let code = try fields.digits(5, "レセプト電算処理システム用コード", count: 9) else {
            throw fields.error(5, "レセプト電算処理システム用コード", "the field is empty but required")
        }
        self.code = code
        quantity = try fields.decimal(6, "使用量")
        count = try fields.integer(7, "数量データ")
        unitCode = fields.optional(8)
        times = try fields.requiredInteger(9, "回数")
        deviceName = fields.optional(10)
    }

    /// What the code names, told by its first digit: 6 a drug (master y), 7 a device (master t), else a procedure.
    public var itemKind: ServiceRecord.Kind {
        switch code.utf8.first {
        case UInt8(ascii: "6"): .drug
        case UInt8(ascii: "7"): .device
        default: .procedure
        }
    }
}
