public import LifecourseCore

/// One billed item of a claim: SI (診療行為), IY (医薬品), TO (特定器材) or, in 歯科 claims, SS (歯科診療行為).
///
/// An empty 診療識別 means "the same as the item before"; the claim reader fills it in, so
/// ``category`` is the effective one.
///
/// 医科 and 歯科 lay these records out differently (記録条件仕様 医科用 and 歯科用): 医科 SI/IY/TO carry three
/// comments before the day counts; 歯科 SI/IY/TO have none, 歯科 IY adds 医薬品区分, 歯科 TO puts 点数 and 回数
/// after the product name, and SS carries a second quantity and up to 35 additions (加算).
public struct ServiceRecord: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// SI: a procedure, examination or fee item.
        case procedure = "SI"
        /// IY: a drug.
        case drug = "IY"
        /// TO: a specified device or material.
        case device = "TO"
        /// SS: a dental procedure (歯科診療行為).
        case dentalProcedure = "SS"
    }

    /// A 加算 of a dental procedure (SS): its 5-character code and quantity.
    public struct Addition: Sendable, Hashable {
        public let code: String
        public let quantity: Int?
    }

    public struct Comment: Sendable, Hashable {
        public let code: String
        public let text: String?
    }

    public let kind: Kind
    /// 診療識別 (e.g. 11 初診, 21 内服, 33 注射, 60 検査), as written or carried from the previous item.
    public internal(set) var category: String?
    /// 負担区分: which payers share the item.
    public let burdenKind: String?
    /// 9-digit code of the 支払基金 master (s, y or t).
    public let code: String
    /// 数量データ (SI) or 使用量 (IY, TO).
    public let quantity: Double?
    /// 点数 of the group the item closes (written on the group's last item).
    public let points: Int?
    /// 回数: how many times the group was billed in the month.
    public let times: Int?
    public let comments: [Comment]
    /// Counts for day 1 … day 31 of the service month.
    public let dayCounts: [Int]
    /// TO only: 単位コード, 単価 and 商品名.
    public let unitCode: String?
    public let unitPrice: Double?
    public let productName: String?
    /// SS only: 診療行為数量データ２ and the 加算 written with the procedure.
    public let secondQuantity: Double?
    public let additions: [Addition]
    /// 歯科 IY only: 医薬品区分.
    public let drugClass: String?
    /// The column of the day 1 count in this record's layout (to name a day in an error).
    public let firstDayField: Int

    /// Reads an SI, IY, TO or SS record in the layout of a file of `layout` (医科 or 歯科).
    public init(_ fields: ClaimsFields, layout: ClaimsFileKind = .medical) throws(SourceError) {
        guard let kind = Kind(rawValue: fields.recordType), kind != .dentalProcedure || layout == .dental else {
            throw fields.error(0, "レコード識別情報", "'\(fields.recordType)' is not SI, IY or TO"
                                   + (layout == .dental ? " or SS" : ""))
        }
        self.kind = kind
        category = fields.optional(1)
        burdenKind = fields.optional(2)
        guard let code = try fields.digits(3, "コード", count: 9) else {
            throw fields.error(3, "コード", "the field is empty but required")
        }
        self.code = code
        quantity = try fields.decimal(4, kind == .drug || kind == .device ? "使用量" : "数量データ")
        var secondQuantity: Double?
        var additions = [Addition]()
        var drugClass: String?
        var unitCode: String?
        var unitPrice: Double?
        var productName: String?
        var comments = [Comment]()
        let pointsField: Int
        switch (layout, kind) {
        case (.dental, .dentalProcedure):
            secondQuantity = try fields.decimal(5, "診療行為数量データ２")
            for index in stride(from: 6, to: 76, by: 2) {
                guard let code = fields.optional(index) else { continue }
                additions.append(Addition(code: code, quantity: try fields.integer(index + 1, "加算数量データ")))
            }
            pointsField = 76
        case (.dental, .device):
            unitCode = fields.optional(5)
            unitPrice = try fields.decimal(6, "単価")
            productName = fields.optional(11)
            pointsField = 12
        case (.dental, .drug):
            drugClass = fields.optional(7)
            pointsField = 5
        case (.dental, _):
            pointsField = 5
        case (_, .device):
            unitCode = fields.optional(7)
            unitPrice = try fields.decimal(8, "単価")
            productName = fields.optional(10)
            pointsField = 5
        default:
            pointsField = 5
        }
        points = try fields.integer(pointsField, "点数")
        times = try fields.integer(pointsField + 1, "回数")
        let firstDay: Int
        if layout == .dental {
            firstDay = kind == .drug ? 8 : pointsField + 2
        } else {
            let commentStart = kind == .device ? 11 : 7
            comments = stride(from: commentStart, to: commentStart + 6, by: 2).compactMap { index in
                fields.optional(index).map { Comment(code: $0, text: fields.optional(index + 1)) }
            }
            firstDay = commentStart + 6
        }
        self.secondQuantity = secondQuantity
        self.additions = additions
        self.drugClass = drugClass
        self.unitCode = unitCode
        self.unitPrice = unitPrice
        self.productName = productName
        self.comments = comments
        firstDayField = firstDay
        dayCounts = try fields.dayCounts(from: firstDay)
    }

    /// The days of the month with a count, in order.
    public var days: [Int] {
        dayCounts.indices.filter { dayCounts[$0] > 0 }.map { $0 + 1 }
    }
}

/// CO (コメントレコード): a comment on the items before it.
public struct CommentRecord: Sendable, Hashable {
    public let category: String?
    public let burdenKind: String?
    /// 9-digit comment code (c master).
    public let code: String
    /// 文字データ.
    public let text: String?

    /// Reads a CO record: 医科 writes 診療識別, 負担区分, コード, 文字データ; 調剤 only コード and 文字データ.
    public init(_ fields: ClaimsFields, kind: ClaimsFileKind = .medical) throws(SourceError) {
        if kind == .pharmacy {
            category = nil
            burdenKind = nil
            code = try fields.required(1, "コメントコード")
            text = fields.optional(2)
            return
        }
        category = fields.optional(1)
        burdenKind = fields.optional(2)
        code = try fields.required(3, "コメントコード")
        text = fields.optional(4)
    }
}
