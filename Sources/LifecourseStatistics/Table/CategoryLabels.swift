import LifecourseCore

/// How the keys the store computes are shown: `13` → 東京都 (Tokyo), `40` → 40–49歳 (40–49), `2` → 女 (female).
enum CategoryLabels {
    static func total(_ language: TableLanguage) -> String { language == .ja ? "計" : "Total" }
    static func unknown(_ language: TableLanguage) -> String { language == .ja ? "不明" : "Unknown" }

    static func label(_ key: String, of dimension: TableDimension, in language: TableLanguage = .ja) -> String {
        let ja = language == .ja, unknown = unknown(language)
        switch dimension.kind {
        case .prefecture:
            return (try? Prefecture(key)).map { ja ? $0.name : $0.englishName } ?? unknown
        case .area:
            let prefecture = (try? Prefecture(key.prefix(2))).map { ja ? $0.name : $0.englishName } ?? unknown
            if key.count == 5 && !key.contains("-") { return ja ? "\(prefecture) 保険者\(key)" : "\(prefecture), insurer \(key)" }
            return ja ? "\(prefecture) 郡市区\(key.suffix(2))" : "\(prefecture), district \(key.suffix(2))"
        case .sex:
            return (try? Sex(claimsCode: key)).map { ja ? $0.japaneseName : $0.englishName } ?? unknown
        case .ageBand:
            guard let start = Int(key) else { return unknown }
            if start >= dimension.ageTop { return ja ? "\(dimension.ageTop)歳以上" : "\(dimension.ageTop)+" }
            let band = "\(start)–\(min(start + dimension.ageWidth, dimension.ageTop) - 1)"
            return ja ? band + "歳" : band
        case .bedSize:
            return classLabel(key, cuts: dimension.bedCuts, unit: ja ? "床" : " beds", unknown: unknown)
        case .labCategory:
            return classLabel(key, cuts: dimension.cuts ?? [], unit: "", unknown: unknown)
        case .careLevel:
            return CareLevel(rawValue: key).map { ja ? $0.japaneseName : $0.englishName } ?? (key.isEmpty ? unknown : key)
        case .drug, .diagnosis:
            if key.isEmpty { return unknown }
            if key.hasPrefix("#") { return ja ? "\(key.dropFirst()) (マスター未登録)" : "\(key.dropFirst()) (not in the master)" }
            guard dimension.kind == .diagnosis && dimension.diagnosisLevel == "chapter" else { return key }
            return ja ? "第\(key)章" : "Chapter \(key)"
        case .year, .month:
            return key
        }
    }

    /// `<20床`, `20–<100床`, `≥500床` for class `i` of rising cut points; `unknown` for none.
    private static func classLabel(_ key: String, cuts: [Double], unit: String, unknown: String) -> String {
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
