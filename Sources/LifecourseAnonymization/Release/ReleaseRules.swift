import LifecourseCore
import LifecourseStore

/// The medical rules of an anonymized release (the guideline's categories), each a pure function of the rows.
enum ReleaseRules {
    /// A person's age in whole years on `day`, from the year and month of birth (the day stays in the vault: a
    /// person born in the month of `day` counts as having had the birthday).
    static func age(yearOfBirth: Int?, monthOfBirth: Int?, on day: CalendarDate) -> Int? {
        guard let year = yearOfBirth else { return nil }
        return day.year - year - ((monthOfBirth ?? 1) > day.month ? 1 : 0)
    }

    /// The generalizations of a code field, most detailed first (a code outside them is replaced by `*`).
    static func codeLevels(_ field: String) -> [(String) -> String] {
        switch field {
        case "icd10": [{ $0 }, { String($0.filter { $0 != "." }.prefix(3)) }]
        case "yj": [{ $0 }, { String($0.prefix(7)) }, { String($0.prefix(4)) }]
        default: [{ $0 }]
        }
    }

    /// Rare codes: each row's value of `field` at the most detailed level held by at least `minimum` persons
    /// (persons counted over every row at that level), else `*`. Returns how many rows were generalized or
    /// replaced.
    static func generalizeRareCodes(_ rows: inout [ReleaseRow], field: String, minimum: Int) -> Int {
        guard minimum > 1 else { return 0 }
        let levels = codeLevels(field)
        var holders = levels.map { _ in [String: Set<ResearchID>]() }
        for row in rows {
            guard let value = row.values[field], !value.isEmpty else { continue }
            for (level, generalize) in levels.enumerated() { holders[level][generalize(value), default: []].insert(row.person) }
        }
        var changed = 0
        for index in rows.indices {
            guard let value = rows[index].values[field], !value.isEmpty else { continue }
            let kept = levels.indices.first { holders[$0][levels[$0](value)]!.count >= minimum }
            let released = kept.map { levels[$0](value) } ?? "*"
            if released != value { changed += 1 }
            rows[index].values[field] = released
        }
        return changed
    }

    /// Extreme values: per group (a lab item), values below the `low` quantile or above the `high` one set to it.
    /// Returns how many values were changed.
    static func codeExtremes(_ rows: inout [ReleaseRow], field: String, groupedBy group: String, low: Double,
                             high: Double) -> Int {
        var values = [String: [Double]]()
        for row in rows {
            if let value = row.values[field].flatMap(Double.init) { values[row.values[group] ?? "", default: []].append(value) }
        }
        var bounds = [String: (Double, Double)]()
        for (key, list) in values {
            let sorted = list.sorted()
            func quantile(_ share: Double) -> Double { sorted[Int((share * Double(sorted.count - 1)).rounded(.down))] }
            bounds[key] = (quantile(low), quantile(high))
        }
        var changed = 0
        for index in rows.indices {
            guard let value = rows[index].values[field].flatMap(Double.init),
                  let (bottom, top) = bounds[rows[index].values[group] ?? ""] else { continue }
            let coded = min(max(value, bottom), top)
            if coded != value {
                rows[index].values[field] = coded.plainText
                changed += 1
            }
        }
        return changed
    }
}
