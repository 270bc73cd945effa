public import LifecourseCore

/// One billed item of a claim: SI (診療行為), IY (医薬品) or TO (特定器材).
///
/// An empty 診療識別 means "the same as the item before"; the claim reader fills it in, so
/// ``category`` is the effective one.
public struct ServiceRecord: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// SI: a procedure, examination or fee item.
        case procedure = "SI"
        /// IY: a drug.
        case drug = "IY"
        /// TO: a specified device or material.
        case device = "TO"
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

    public init(_ fields: ClaimsFields) throws(SourceError) {
        guard let kind = Kind(rawValue: fields.recordType) else {
            throw fields.error(0, "レコード識別情報", "'\(fields.recordType)' is not SI, IY or TO")
        }
        self.kind = kind
        category = fields.optional(1)
        burdenKind = fields.optional(2)
        guard let code = try fields.digits(3, "コード", count: 9) else {
            throw fields.error(3, "コード", "the field is empty but required")
        }
        self.code = code
        quantity = try fields.decimal(4, kind == .procedure ? "数量データ" : "使用量")
        points = try fields.integer(5, "点数")
        times = try fields.integer(6, "回数")
        let commentStart: Int
        if kind == .device {
            unitCode = fields.optional(7)
            unitPrice = try fields.decimal(8, "単価")
            productName = fields.optional(10)
            commentStart = 11
        } else {
            unitCode = nil
            unitPrice = nil
            productName = nil
            commentStart = 7
        }
        comments = stride(from: commentStart, to: commentStart + 6, by: 2).compactMap { index in
            fields.optional(index).map { Comment(code: $0, text: fields.optional(index + 1)) }
        }
        dayCounts = try fields.dayCounts(from: commentStart + 6)
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
