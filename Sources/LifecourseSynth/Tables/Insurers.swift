import LifecourseCore

/// The kinds of public health insurance and how their numbers are made (保険者番号設定要領).
public enum InsuranceKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// 全国健康保険協会 (協会けんぽ): 01 + prefecture + 001 + check digit.
    case kyokai
    /// 健康保険組合: 06 + prefecture + 3 digits + check digit.
    case kumiai
    /// 共済組合: 31–34 + prefecture + 3 digits + check digit.
    case kyosai
    /// 国民健康保険 (市町村): prefecture + 3 digits + check digit (6 digits).
    case kokuho
    /// 後期高齢者医療 (75 and over): 39 + prefecture + 3 digits + check digit.
    case kouki

    public var japaneseName: String {
        switch self {
        case .kyokai: "協会けんぽ"
        case .kumiai: "健保組合"
        case .kyosai: "共済組合"
        case .kokuho: "国民健康保険"
        case .kouki: "後期高齢者医療"
        }
    }

    /// Whether dependants (家族) are covered on the insured person's card.
    var hasDependants: Bool { self != .kouki }
}

enum Insurers {
    /// The insurer number for an insurer of a kind in a prefecture; `serial` picks one of its insurers.
    static func number(_ kind: InsuranceKind, prefecture: Int, serial: Int) -> String {
        let pref = prefecture < 10 ? "0\(prefecture)" : String(prefecture)
        let body: String = switch kind {
        case .kyokai: "01" + pref + "001"
        case .kumiai: "06" + pref + threeDigits(100 + serial % 800)
        case .kyosai: String(31 + serial % 4) + pref + threeDigits(100 + serial % 300)
        case .kokuho: pref + threeDigits(10 + serial % 900)
        case .kouki: "39" + pref + threeDigits(1 + serial % 9)
        }
        return body + String(CheckDigit.luhn(for: body)!)
    }

    private static func threeDigits(_ value: Int) -> String {
        String(repeating: "0", count: max(0, 3 - String(value).count)) + String(value)
    }
}
