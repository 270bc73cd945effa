import Foundation
import LifecourseCore

/// How two values of one field agree, as a level: 0 is the closest agreement, the last level disagreement, and
/// `nil` a missing value (the field then says nothing about the pair). Each kind has its own levels, prepared once
/// per value (``prepare(_:)``) so that comparing pairs does no normalization.
public enum FieldKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Equal after NFKC and trimming, or not.
    case exact
    /// A name in kanji (or any script): equal; equal once variant kanji are folded; Jaro–Winkler ≥ 0.92; ≥ 0.80.
    case name
    /// A name in kana: equal once folded (``NameFolding/kana(_:)``); Jaro–Winkler ≥ 0.92; ≥ 0.80.
    case kana
    /// A date (YYYY-MM-DD, YYYYMMDD, YYYY/MM/DD or an era date GYYMMDD): equal; one digit off, day and month
    /// swapped, or a day apart (a wrong day at a month's end changes several digits: 0930 and 1001); the same year
    /// and month.
    case date
    /// A postal code: all 7 digits; the first 5; the first 3.
    case postcode
    /// An address: equal after NFKC without spaces; Jaro–Winkler ≥ 0.90.
    case address
    /// A number (card, phone): the same digits; one digit different.
    case number
    /// A person's name in kanji and in kana, compared as one (they carry the same information; modelled apart,
    /// EM counts it twice): equal in kanji (or in kana as written where a side has no kanji); variant kanji or the
    /// same kana (同音異字), or — kana only — the same folded reading; the same folded reading or the readings'
    /// Jaro–Winkler ≥ 0.92; ≥ 0.80. Prepared from ``personValue(kanji:kana:)``. The folded reading (long vowels
    /// dropped) sits a level below the kana as written: it makes サトウ and サトー one key, but オオノ and オノ too,
    /// which are different surnames (小野 and 大野).
    case person

    /// The raw value of a ``person`` field: the kanji and the kana name together.
    public static func personValue(kanji: String, kana: String) -> String { kanji + "\u{1F}" + kana }

    /// How many levels the kind has, disagreement included.
    public var levelCount: Int {
        switch self {
        case .exact: 2
        case .name: 5
        case .kana: 4
        case .date: 4
        case .postcode: 4
        case .address: 3
        case .number: 3
        case .person: 5
        }
    }

    /// The names of the levels, for reports.
    public var levelNames: [String] {
        switch self {
        case .exact: ["exact", "else"]
        case .name: ["exact", "variant", "jw≥0.92", "jw≥0.80", "else"]
        case .kana: ["exact", "jw≥0.92", "jw≥0.80", "else"]
        case .date: ["exact", "one edit, day/month swap or a day apart", "same month", "else"]
        case .postcode: ["7 digits", "5 digits", "3 digits", "else"]
        case .address: ["exact", "jw≥0.90", "else"]
        case .number: ["exact", "one digit", "else"]
        case .person: ["exact", "variant, same kana or folded kana", "folded reading or jw≥0.92", "jw≥0.80", "else"]
        }
    }

    /// A value as compared: its folded forms; nil when empty.
    public func prepare(_ raw: String) -> PreparedValue? {
        let text = UnicodeNormalization.nfkc(raw).trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        switch self {
        case .exact:
            return PreparedValue(primary: text)
        case .name:
            let exact = text.filter { !$0.isWhitespace && $0 != "・" }
            return PreparedValue(primary: exact, secondary: NameFolding.variants(of: exact))
        case .kana:
            let folded = NameFolding.kana(text)
            return folded.isEmpty ? nil : PreparedValue(primary: folded)
        case .date:
            guard let date = Self.date(text) else { return PreparedValue(primary: text) }
            var value = PreparedValue(primary: date.compact, secondary: String(date.compact.prefix(6)))
            value.day = date.daysSinceEpoch
            return value
        case .postcode, .number:
            let digits = text.filter { $0.isASCII && $0.isNumber }
            return digits.isEmpty ? nil : PreparedValue(primary: digits)
        case .address:
            let compact = text.filter { !$0.isWhitespace }
            return PreparedValue(primary: compact)
        case .person:
            let parts = raw.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let kanji = UnicodeNormalization.nfkc(parts[0]).filter { !$0.isWhitespace && $0 != "・" }
            let reading = parts.count > 1 ? NameFolding.kana(parts[1]) : ""
            guard !kanji.isEmpty || !reading.isEmpty else { return nil }
            var value = PreparedValue(primary: kanji, secondary: NameFolding.variants(of: kanji), reading: reading)
            value.kana = parts.count > 1 ? NameFolding.katakana(parts[1]) : ""
            return value
        }
    }

    /// The level of agreement of two prepared values (``ComparisonColumns`` compares them).
    public func level(_ a: PreparedValue, _ b: PreparedValue) -> Int {
        ComparisonColumns(kinds: [self], rows: [[a], [b]]).level(0, 0, 1)!
    }

    /// A date in the forms registers write.
    static func date(_ text: String) -> CalendarDate? {
        let digits = text.filter { $0.isASCII && $0.isNumber }
        if digits.count == 8, let date = try? CalendarDate(year: Int(digits.prefix(4))!, month: Int(digits.dropFirst(4).prefix(2))!,
                                                           day: Int(digits.suffix(2))!) {
            return date
        }
        return try? DateCode.date(digits)
    }
}

/// A field's value folded for comparison.
public struct PreparedValue: Sendable, Hashable {
    /// The form compared for equality.
    public var primary: String
    /// A coarser form (variant kanji folded; a date's year and month).
    public var secondary: String
    /// A person's name in kana, folded (long vowels dropped: for blocking).
    public var reading: String
    /// A person's name in kana as written, in katakana without spaces (small kana kept).
    public var kana = ""
    /// A date's day number (days since 1970-01-01).
    public var day: Int?

    public init(primary: String, secondary: String = "", reading: String = "") {
        self.primary = primary
        self.secondary = secondary
        self.reading = reading
    }
}
