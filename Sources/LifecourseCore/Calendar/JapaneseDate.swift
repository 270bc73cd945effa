/// A date written in a Japanese era (和暦), e.g. 令和元年5月1日, and its conversion to and from the western calendar.
///
/// A claims system may keep printing the old era for a while after a change (平成31年5月 for May 2019);
/// ``EraBoundaryPolicy/acceptOverrun`` reads such dates by arithmetic, ``EraBoundaryPolicy/strict`` refuses them.
public struct JapaneseDate: Sendable, Hashable, CustomStringConvertible {
    public let era: JapaneseEra
    /// The year inside the era; 1 is 元年.
    public let eraYear: Int
    public let month: Int
    /// The day, or nil for a month (`GYYMM`).
    public let day: Int?

    public init(era: JapaneseEra, eraYear: Int, month: Int, day: Int?) {
        self.era = era
        self.eraYear = eraYear
        self.month = month
        self.day = day
    }

    /// The western date of a western day, or nil before 明治6年.
    public init?(_ date: CalendarDate) {
        guard let era = JapaneseEra.containing(date) else { return nil }
        self.init(era: era, eraYear: date.year - era.firstYear + 1, month: date.month, day: date.day)
    }

    /// The era month of a western month: the era in force on the month's last day, so that
    /// 2019-04 is 平成31年4月 and 2019-05 is 令和元年5月.
    public init?(_ month: YearMonth) {
        guard let era = JapaneseEra.containing(month.lastDay) else { return nil }
        self.init(era: era, eraYear: month.year - era.firstYear + 1, month: month.month, day: nil)
    }

    private var shown: String {
        let year = eraYear == 1 ? "元" : String(eraYear)
        return "\(era.name)\(year)年\(month)月" + (day.map { "\($0)日" } ?? "")
    }

    /// The western day.
    /// - Throws: ``ValueError`` when the day does not exist, or lies outside the era under `policy`.
    public func calendarDate(policy: EraBoundaryPolicy = .strict) throws(ValueError) -> CalendarDate {
        let expected = "a day inside \(era.name) (\(eraRange))"
        guard eraYear >= 1 else {
            throw .outOfRange(shown, expected: expected, reason: "era years start at 1 (元年)")
        }
        let date: CalendarDate
        do {
            date = try CalendarDate(year: era.firstYear + eraYear - 1, month: month, day: day ?? 1)
        } catch {
            throw .outOfRange(shown, expected: expected, reason: error.reason ?? "the day does not exist")
        }
        try checkBoundaries(first: date, last: date, policy: policy, expected: expected)
        return date
    }

    /// The western month; a month is inside the era when any of its days is.
    /// - Throws: ``ValueError`` when the month lies outside the era under `policy`.
    public func yearMonth(policy: EraBoundaryPolicy = .strict) throws(ValueError) -> YearMonth {
        let expected = "a month inside \(era.name) (\(eraRange))"
        guard eraYear >= 1 else {
            throw .outOfRange(shown, expected: expected, reason: "era years start at 1 (元年)")
        }
        let month: YearMonth
        do {
            month = try YearMonth(year: era.firstYear + eraYear - 1, month: self.month)
        } catch {
            throw .outOfRange(shown, expected: expected, reason: "there is no month \(self.month)")
        }
        try checkBoundaries(first: month.firstDay, last: month.lastDay, policy: policy, expected: expected)
        return month
    }

    private var eraRange: String {
        let first = era.firstConvertibleDay
        return "\(first) to " + (era.lastDay.map(\.description) ?? "today")
    }

    private func checkBoundaries(first: CalendarDate, last: CalendarDate, policy: EraBoundaryPolicy,
                                 expected: String) throws(ValueError) {
        if last < era.firstConvertibleDay {
            let reason = era == .meiji
                ? "dates before 明治6年 (1873) follow the lunisolar calendar and cannot be converted; give the western date"
                : "\(era.name) began on \(era.firstConvertibleDay)"
            throw .outsideEra(shown, expected: expected, reason: reason)
        }
        if let end = era.lastDay, first > end, policy == .strict {
            throw .outsideEra(shown, expected: expected,
                              reason: "\(era.name) ended on \(end); the date is in \(era.next!.name)")
        }
    }

    /// e.g. `令和元年5月1日`, `平成31年4月`.
    public var description: String { shown }
}

/// What to do with an era date past the end of its era (平成31年5月1日, which is 令和元年5月1日).
public enum EraBoundaryPolicy: Sendable, Hashable {
    /// Refuse it: the date does not exist in that era.
    case strict
    /// Read it by arithmetic (平成31年5月 → 2019-05), as claims written after an era change may need.
    /// Dates before an era's start are refused under both policies.
    case acceptOverrun
}
