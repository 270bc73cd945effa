public import LifecourseCore

/// The 支払基金 code masters (基本マスター) and where their columns are, 0-based, in the published CSV layout
/// (CP932, every field quoted; the first field 変更区分, the second the master's letter).
public enum MasterKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// b: 傷病名マスター.
    case disease = "b"
    /// s: 医科診療行為マスター.
    case procedure = "s"
    /// y: 医薬品マスター.
    case drug = "y"
    /// t: 特定器材マスター.
    case device = "t"
    /// z: 修飾語マスター.
    case modifier = "z"
    /// c: コメントマスター.
    case comment = "c"

    /// The letter in the second field of every row.
    public var recordLetter: String { rawValue.uppercased() }

    /// The code system of the codes the master names.
    public var codeSystem: CodeSystem {
        switch self {
        case .disease: .claimsDisease
        case .procedure: .claimsProcedure
        case .drug: .claimsDrug
        case .device: .claimsDevice
        case .modifier: .claimsModifier
        case .comment: .claimsComment
        }
    }

    /// 傷病名, 診療行為 …
    public var japaneseName: String {
        switch self {
        case .disease: "傷病名"
        case .procedure: "診療行為"
        case .drug: "医薬品"
        case .device: "特定器材"
        case .modifier: "修飾語"
        case .comment: "コメント"
        }
    }

    /// Column positions of one master.
    struct Layout {
        let code: Int
        let codeLength: Int
        let name: Int
        let kana: Int
        /// 収載年月日 or 変更年月日 (the later one present is the version's start), and 廃止年月日.
        let listed: Int?
        let changed: Int
        let abolished: Int
        let minimumFields: Int
    }

    var layout: Layout {
        switch self {
        case .disease: Layout(code: 2, codeLength: 7, name: 5, kana: 9, listed: 21, changed: 22, abolished: 23, minimumFields: 24)
        case .procedure: Layout(code: 2, codeLength: 9, name: 4, kana: 6, listed: nil, changed: 86, abolished: 87, minimumFields: 88)
        case .drug: Layout(code: 2, codeLength: 9, name: 4, kana: 6, listed: nil, changed: 29, abolished: 30, minimumFields: 32)
        case .device: Layout(code: 2, codeLength: 9, name: 4, kana: 6, listed: nil, changed: 27, abolished: 29, minimumFields: 30)
        case .modifier: Layout(code: 2, codeLength: 4, name: 6, kana: 9, listed: nil, changed: 13, abolished: 15, minimumFields: 16)
        case .comment: Layout(code: 22, codeLength: 9, name: 6, kana: 8, listed: nil, changed: 20, abolished: 21, minimumFields: 23)
        }
    }
}
