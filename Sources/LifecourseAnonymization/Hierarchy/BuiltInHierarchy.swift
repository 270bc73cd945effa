import LifecourseCore

/// Hierarchies the platform's data needs again and again, built for the values a column holds, so that a release
/// or `anonymize-csv --qi COLUMN=@KIND` needs no hand-written CSV:
///
/// - `age`: years → 5-year bands → 10-year → 20-year → `*`, bands ending in a top code (`90+`, which may also be
///   the value itself once top-coded);
/// - `date`: `YYYY-MM-DD` (or `YYYYMMDD`) → month → quarter → year → `*`;
/// - `region`: municipality code (全国地方公共団体コード, 5 digits or 6 with the check digit) → prefecture → region
///   block (北海道, 東北, 関東, 中部, 近畿, 中国, 四国, 九州・沖縄) → `*`; `prefecture`: the same from the prefecture
///   code (2 digits);
/// - `icd10`: code (`E11.9`, `E119`) → 3 characters → chapter (I–XXII) → `*`;
/// - `yj`: YJ code (12 characters) → ingredient (7) → 薬効分類 (4 digits) → 3 digits → `*`;
/// - `interval(width)`: numbers → intervals of `width`, twice and four times as wide → `*`.
///
/// An empty value stays empty up to `*` (a missing value is its own group). A value the kind cannot read is
/// refused with the row it came from.
public enum BuiltInHierarchy: Sendable, Hashable {
    case age(topCode: Int)
    case date
    case region
    case prefecture
    case icd10
    case yj
    case interval(width: Double)

    /// The kind a `--qi` value names after `@`: `age`, `age:85` (top code), `date`, `region`, `icd10`, `yj`,
    /// `interval:WIDTH`.
    public init(name: String) throws(AnonymizationError) {
        let parts = name.split(separator: ":", maxSplits: 1).map(String.init)
        switch (parts.first ?? "", parts.count > 1 ? parts[1] : nil) {
        case ("age", nil): self = .age(topCode: 90)
        case ("age", let code?):
            guard let top = Int(code), top > 0 else { throw .invalid("@age:\(code): the top code must be a whole number of years") }
            self = .age(topCode: top)
        case ("date", nil): self = .date
        case ("region", nil): self = .region
        case ("prefecture", nil): self = .prefecture
        case ("icd10", nil): self = .icd10
        case ("yj", nil): self = .yj
        case ("interval", let width?):
            guard let value = Double(width), value > 0 else { throw .invalid("@interval:\(width): the width must be a positive number") }
            self = .interval(width: value)
        default:
            throw .invalid("@\(name) is not a built-in hierarchy; use @age, @age:TOP, @date, @region, @prefecture, @icd10, @yj or @interval:WIDTH")
        }
    }

    /// The hierarchy of these values, in the order of their rows. A value the kind cannot read is refused with its
    /// row, or with `source` and its line when `lines` gives each row's line.
    public func hierarchy(attribute: String, values: [String], source: String? = nil,
                          lines: [Int]? = nil) throws(AnonymizationError) -> Hierarchy {
        var rows = [[String]](), seen = Set<String>()
        for (index, value) in values.enumerated() where seen.insert(value).inserted {
            if value.isEmpty {
                rows.append(Array(repeating: "", count: height - 1) + ["*"])
                continue
            }
            guard let levels = generalizations(of: value) else {
                let place = lines.map { "\(source ?? "input"), line \($0[index])" } ?? "row \(index + 1)"
                throw .invalid("\(place): '\(value)' of \(attribute) is not \(expected); correct it or use another hierarchy")
            }
            rows.append([value] + levels + ["*"])
        }
        if rows.isEmpty { rows.append(Array(repeating: "", count: height - 1) + ["*"]) }
        return try Hierarchy(attribute: attribute, rows: rows, source: "@\(self)")
    }

    /// The number of levels, the original and `*` included.
    var height: Int {
        switch self {
        case .age, .yj: 5
        case .date: 5
        case .region, .icd10: 4
        case .prefecture: 3
        case .interval: 5
        }
    }

    private var expected: String {
        switch self {
        case .age: "an age in whole years"
        case .date: "a date (YYYY-MM-DD or YYYYMMDD)"
        case .region: "a municipality code of 5 or 6 digits"
        case .prefecture: "a prefecture code of 2 digits (01–47)"
        case .icd10: "an ICD-10 code (a letter and two digits, then more)"
        case .yj: "a YJ code of 12 characters"
        case .interval: "a number"
        }
    }

    /// The levels between the value and `*`, nil when the value is not of the kind.
    private func generalizations(of value: String) -> [String]? {
        switch self {
        case .age(let top):
            if value == "\(top)+" { return Array(repeating: value, count: 3) }
            guard let age = Int(value), age >= 0 else { return nil }
            return [5, 10, 20].map { width in Self.band(age, width: width, top: top) }
        case .date:
            let digits = value.filter { $0 != "-" && $0 != "/" }
            guard digits.count == 8, digits.allSatisfy(\.isASCII), let month = Int(digits.dropFirst(4).prefix(2)),
                  (1...12).contains(month), Int(digits) != nil else { return nil }
            let year = String(digits.prefix(4))
            return ["\(year)-\(digits.dropFirst(4).prefix(2))", "\(year)-Q\((month - 1) / 3 + 1)", year]
        case .region:
            guard (5...6).contains(value.count), value.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let prefecture = Int(value.prefix(2)), let block = try? Prefecture(code: prefecture).regionBlock else { return nil }
            return [String(value.prefix(2)), block]
        case .prefecture:
            guard value.count == 2, let code = Int(value), let block = try? Prefecture(code: code).regionBlock else { return nil }
            return [block]
        case .icd10:
            let code = value.uppercased().filter { $0 != "." }
            guard code.count >= 3, let letter = code.first, letter.isASCII, letter.isLetter,
                  code.dropFirst().prefix(2).allSatisfy({ $0.isASCII && $0.isNumber }),
                  let chapter = ICD10.chapter(ofCategory: String(code.prefix(3))).map({ "Chapter \($0)" }) else { return nil }
            return [String(code.prefix(3)), chapter]
        case .yj:
            guard value.count == 12, value.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase) }),
                  value.prefix(4).allSatisfy(\.isNumber) else { return nil }
            return [String(value.prefix(7)), String(value.prefix(4)), String(value.prefix(3))]
        case .interval(let width):
            guard let number = Double(value), number.isFinite else { return nil }
            return [1.0, 2, 4].map { Self.interval(number, width: width * $0) }
        }
    }

    /// `[low-high]` of the band of `width` years holding `age`, or `TOP+` from the top code on.
    static func band(_ age: Int, width: Int, top: Int) -> String {
        if age >= top { return "\(top)+" }
        let low = age / width * width
        return "\(low)-\(min(low + width, top) - 1)"
    }

    /// `[low, high)` of the interval of `width` holding `number`.
    static func interval(_ number: Double, width: Double) -> String {
        let low = (number / width).rounded(.down) * width
        return "[\(low.plainText), \((low + width).plainText))"
    }
}

extension BuiltInHierarchy: CustomStringConvertible {
    public var description: String {
        switch self {
        case .age(let top): "age:\(top)"
        case .date: "date"
        case .region: "region"
        case .prefecture: "prefecture"
        case .icd10: "icd10"
        case .yj: "yj"
        case .interval(let width): "interval:\(width)"
        }
    }
}
