/// A calendar month (診療年月, 請求年月).
public struct YearMonth: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    /// - Throws: ``ValueError`` for a month outside 1–12 or a year outside 1–9999.
    public init(year: Int, month: Int) throws(ValueError) {
        guard (1...9999).contains(year), (1...12).contains(month) else {
            throw .outOfRange("\(year)-\(month)", expected: "a year 1–9999 and a month 1–12",
                              reason: "there is no month \(month) of year \(year)")
        }
        self.init(unchecked: year, month)
    }

    init(unchecked year: Int, _ month: Int) {
        self.year = year
        self.month = month
    }

    /// Reads `YYYY-MM` or `YYYYMM`.
    public init(iso text: String) throws(ValueError) {
        let digits = text.filter { $0 != "-" }
        guard digits.count == 6, text.count == 6 || text.count == 7, digits.allSatisfy(\.isASCII),
              let value = Int(digits)
        else { throw .malformed(text, expected: "a month as YYYY-MM") }
        try self.init(year: value / 100, month: value % 100)
    }

    public var firstDay: CalendarDate { try! CalendarDate(year: year, month: month, day: 1) }
    public var lastDay: CalendarDate {
        try! CalendarDate(year: year, month: month, day: CalendarDate.daysIn(year: year, month: month))
    }
    public var dayCount: Int { CalendarDate.daysIn(year: year, month: month) }

    /// The given day of this month.
    /// - Throws: ``ValueError`` when the month has no such day.
    public func day(_ day: Int) throws(ValueError) -> CalendarDate {
        try CalendarDate(year: year, month: month, day: day)
    }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    /// `YYYYMM`, as health files write a month.
    public var compact: String { year.zeroPadded(to: 4) + month.zeroPadded(to: 2) }

    /// `YYYY-MM`.
    public var description: String {
        guard (0...9999).contains(year) else { return "\(year.zeroPadded(to: 4))-\(month.zeroPadded(to: 2))" }
        return String(unsafeUninitializedCapacity: 7) { buffer in
            buffer.writeDigits(year, at: 0, width: 4)
            buffer[4] = 0x2D
            buffer.writeDigits(month, at: 5, width: 2)
            return 7
        }
    }

    public init(from decoder: any Decoder) throws {
        try self.init(iso: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
