import LifecourseCore

/// How the keys the store computes are shown: `13` → 東京都, `40` → 40–49歳, `2` → 女.
enum CategoryLabels {
    static let total = "計"
    static let unknown = "不明"

    static func label(_ key: String, of dimension: TableDimension) -> String {
        switch dimension.kind {
        case .prefecture:
            return (try? Prefecture(key))?.name ?? unknown
        case .area:
            let prefecture = (try? Prefecture(key.prefix(2)))?.name ?? unknown
            return key.count == 5 && !key.contains("-") ? "\(prefecture) 保険者\(key)" : "\(prefecture) 郡市区\(key.suffix(2))"
        case .sex:
            return (try? Sex(claimsCode: key))?.japaneseName ?? unknown
        case .ageBand:
            guard let start = Int(key) else { return unknown }
            if start >= dimension.ageTop { return "\(dimension.ageTop)歳以上" }
            return "\(start)–\(min(start + dimension.ageWidth, dimension.ageTop) - 1)歳"
        case .bedSize:
            return classLabel(key, cuts: dimension.bedCuts, unit: "床")
        case .labCategory:
            return classLabel(key, cuts: dimension.cuts ?? [], unit: "")
        case .careLevel:
            return CareLevel(rawValue: key)?.japaneseName ?? (key.isEmpty ? unknown : key)
        case .drug, .diagnosis:
            if key.isEmpty { return unknown }
            if key.hasPrefix("#") { return "\(key.dropFirst()) (マスター未登録)" }
            return dimension.kind == .diagnosis && dimension.diagnosisLevel == "chapter" ? "第\(key)章" : key
        case .year, .month:
            return key
        }
    }

    /// `<20床`, `20–<100床`, `≥500床` for class `i` of rising cut points; `不明` for none.
    private static func classLabel(_ key: String, cuts: [Double], unit: String) -> String {
        guard let index = Int(key), (0...cuts.count).contains(index) else { return unknown }
        if index == 0 { return "<\(cuts[0].plainText)\(unit)" }
        if index == cuts.count { return "≥\(cuts[index - 1].plainText)\(unit)" }
        return "\(cuts[index - 1].plainText)–<\(cuts[index].plainText)\(unit)"
    }

    /// The order of categories: numeric keys (age bands, classes) by number, the unknown last, others as text.
    static func order(_ dimension: TableDimension) -> (String, String) -> Bool {
        { lhs, rhs in
            if lhs.isEmpty != rhs.isEmpty { return rhs.isEmpty }
            switch dimension.kind {
            case .ageBand, .bedSize, .labCategory:
                return (Int(lhs) ?? .max, lhs) < (Int(rhs) ?? .max, rhs)
            case .diagnosis where dimension.diagnosisLevel == "chapter":
                let rank = { (key: String) in ICD10.chapters.firstIndex { $0.chapter == key } ?? .max }
                return rank(lhs) < rank(rhs)
            default:
                return lhs < rhs
            }
        }
    }
}
