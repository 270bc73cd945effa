/// A day in the Gregorian calendar, without time or time zone (診療日, 生年月日).
///
/// Stored and exchanged as `YYYY-MM-DD`. Arithmetic goes through ``daysSinceEpoch``
/// (days since 1970-01-01), which is exact for every Gregorian date from year 1 to 9999.
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date, checking that the day exists.
    /// - Throws: ``ValueError`` for a month outside 1–12 or a day the month does not have.
    public init(year: Int, month: Int, day: Int) throws(ValueError) {
        let shown = "\(year)-\(month)-\(day)"
        guard (1...9999).contains(year) else {
            throw .outOfRange(shown, expected: "a year from 1 to 9999", reason: "year \(year) is out of range")
        }
        guard (1...12).contains(month) else {
            throw .outOfRange(shown, expected: "a month from 1 to 12", reason: "there is no month \(month)")
        }
        let last = CalendarDate.daysIn(year: year, month: month)
        guard (1...last).contains(day) else {
            throw .outOfRange(shown, expected: "a day from 1 to \(last)", reason: "\(year)-\(month) has no day \(day)")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD` or `YYYYMMDD`.
    public init(iso text: String) throws(ValueError) {
        let digits = text.filter { $0 != "-" }
        let expected = "a date as YYYY-MM-DD"
        guard digits.count == 8, text.count == 8 || text.count == 10,
              let value = Int(digits), digits.allSatisfy(\.isASCII)
        else { throw .malformed(text, expected: expected) }
        try self.init(year: value / 10000, month: value / 100 % 100, day: value % 100)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's `days_from_civil`.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `daysSinceEpoch` days after 1970-01-01. Hinnant's `civil_from_days`.
    public init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(unchecked: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> CalendarDate {
        CalendarDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// The month this day falls in.
    public var yearMonth: YearMonth { YearMonth(unchecked: year, month) }

    /// Whole years from `birth` to this date, as Japanese law counts age (年齢計算ニ関スル法律:
    /// a year is complete on the day before the birthday, which gives the same whole years).
    public func age(bornOn birth: CalendarDate) -> Int {
        var years = year - birth.year
        if (month, day) < (birth.month, birth.day) { years -= 1 }
        return years
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `YYYYMMDD`, as claims, HL7 and most Japanese health files write a day.
    public var compact: String { year.zeroPadded(to: 4) + month.zeroPadded(to: 2) + day.zeroPadded(to: 2) }

    /// `YYYY-MM-DD`.
    public var description: String {
        guard (0...9999).contains(year) else {
            return "\(year.zeroPadded(to: 4))-\(month.zeroPadded(to: 2))-\(day.zeroPadded(to: 2))"
        }
        // Every stored row writes its dates: ten ASCII bytes make a small string, built without allocating.
        return String(unsafeUninitializedCapacity: 10) { buffer in
            buffer.writeDigits(year, at: 0, width: 4)
            buffer[4] = 0x2D
            buffer.writeDigits(month, at: 5, width: 2)
            buffer[7] = 0x2D
            buffer.writeDigits(day, at: 8, width: 2)
            return 10
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(iso: text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}


extension Int {
    /// The number with leading zeros up to `width` digits (`7.zeroPadded(to: 2)` is `07`), as codes and dates
    /// in health files are written.
    public func zeroPadded(to width: Int) -> String {
        let text = String(self)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}

extension UnsafeMutableBufferPointer<UInt8> {
    /// Writes `value` (not negative) as `width` decimal digits with leading zeros, from `index`.
    func writeDigits(_ value: Int, at index: Int, width: Int) {
        var rest = value
        for position in stride(from: index + width - 1, through: index, by: -1) {
            self[position] = UInt8(0x30 + rest % 10)
            rest /= 10
        }
    }
}
