/// One version of one code of a 支払基金 master: its name and, by master, ICD-10 codes (傷病名), YJ code (医薬品),
/// unit and points or price, valid from 変更年月日 (or 収載年月日) until 廃止年月日.
public struct MasterCode: Sendable, Hashable, Codable {
    /// The master's letter: b 傷病名, s 診療行為, y 医薬品, t 特定器材, z 修飾語, c コメント.
    public var kind: String
    public var code: String
    /// The version's first day; nil when the master gives none (valid since the code exists).
    public var validFrom: CalendarDate?
    /// 廃止年月日; nil when the code is not abolished.
    public var validUntil: CalendarDate?
    public var name: String
    /// Half-width or full-width kana, as published.
    public var kana: String?
    /// 傷病名: ICD-10 (2013 version, falling back to the 2003 columns), first and second code.
    public var icd10: [String]
    /// 医薬品: 薬価基準収載医薬品コード (YJ, 12 characters).
    public var yjCode: String?
    /// 傷病名: 傷病名管理番号 (MEDIS); 修飾語: 修飾語管理番号.
    public var managementNumber: String?
    /// 傷病名 and 修飾語: 交換用コード.
    public var exchangeCode: String?
    /// 単位 (医薬品, 特定器材, 診療行為 when it has one).
    public var unit: String?
    /// 点数 (診療行為) or 金額 (医薬品, 特定器材).
    public var amount: Double?

    public init(kind: String, code: String, validFrom: CalendarDate?, validUntil: CalendarDate?, name: String,
                kana: String?, icd10: [String] = [], yjCode: String? = nil, managementNumber: String? = nil,
                exchangeCode: String? = nil, unit: String? = nil, amount: Double? = nil) {
        self.kind = kind
        self.code = code
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.name = name
        self.kana = kana
        self.icd10 = icd10
        self.yjCode = yjCode
        self.managementNumber = managementNumber
        self.exchangeCode = exchangeCode
        self.unit = unit
        self.amount = amount
    }
}
