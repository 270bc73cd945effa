/// The Japanese eras (元号) that dates in health records use, with their exact boundaries.
///
/// The raw value is the era digit of claims files (`G` in `GYYMMDD`): 1 明治, 2 大正, 3 昭和, 4 平成, 5 令和.
/// 明治 is counted from 明治6年1月1日 (1873-01-01), the day Japan adopted the Gregorian calendar;
/// earlier 明治 dates are lunisolar and cannot be converted day for day, so they are refused.
public enum JapaneseEra: Int, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    case meiji = 1
    case taisho = 2
    case showa = 3
    case heisei = 4
    case reiwa = 5

    /// The era's name in kanji, e.g. `平成`.
    public var name: String {
        switch self {
        case .meiji: "明治"
        case .taisho: "大正"
        case .showa: "昭和"
        case .heisei: "平成"
        case .reiwa: "令和"
        }
    }

    /// The Latin initial used in short forms such as `H31.4.30`.
    public var initial: Character {
        switch self {
        case .meiji: "M"
        case .taisho: "T"
        case .showa: "S"
        case .heisei: "H"
        case .reiwa: "R"
        }
    }

    /// The western year of the era's year 1 (元年).
    public var firstYear: Int {
        switch self {
        case .meiji: 1868
        case .taisho: 1912
        case .showa: 1926
        case .heisei: 1989
        case .reiwa: 2019
        }
    }

    /// The first day from which dates of this era can be converted exactly.
    public var firstConvertibleDay: CalendarDate {
        switch self {
        case .meiji: try! CalendarDate(year: 1873, month: 1, day: 1)
        case .taisho: try! CalendarDate(year: 1912, month: 7, day: 30)
        case .showa: try! CalendarDate(year: 1926, month: 12, day: 25)
        case .heisei: try! CalendarDate(year: 1989, month: 1, day: 8)
        case .reiwa: try! CalendarDate(year: 2019, month: 5, day: 1)
        }
    }

    /// The era's last day, or nil for the current era.
    public var lastDay: CalendarDate? {
        next.map { $0.firstConvertibleDay.adding(days: -1) }
    }

    /// The era that followed this one.
    public var next: JapaneseEra? { JapaneseEra(rawValue: rawValue + 1) }

    /// The era a western date falls in, or nil before 1873.
    public static func containing(_ date: CalendarDate) -> JapaneseEra? {
        allCases.last { $0.firstConvertibleDay <= date }
    }

    /// Finds an era by its kanji name, its Latin initial (either case) or its claims digit.
    public init?(symbol: some StringProtocol) {
        if let digit = Int(symbol), let era = JapaneseEra(rawValue: digit) {
            self = era
            return
        }
        guard let era = JapaneseEra.allCases.first(where: {
            $0.name == symbol || (symbol.count == 1 && symbol.uppercased().first == $0.initial)
        }) else { return nil }
        self = era
    }

    public var description: String { name }
}
