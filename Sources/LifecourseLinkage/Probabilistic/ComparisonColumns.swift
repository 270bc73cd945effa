import LifecourseCore

/// Rows of prepared values kept as numbers, for comparing pairs by the million: every text is interned (equal
/// numbers, equal texts), and the characters a comparison reads (Jaro–Winkler's scalars, a date's or a number's
/// digits) sit in one shared buffer, each distinct text once. Comparing two rows then reads a few integers and,
/// where names differ, two ranges of one array — no strings, no reference counting, no allocation.
///
/// This is the only place levels are computed: ``FieldKind/level(_:_:)`` compares two values through it.
public struct ComparisonColumns: Sendable {
    /// One field of one row.
    public struct Cell: Hashable, Sendable {
        /// The texts' numbers: -1 is the empty text, and a primary of ``missingText`` a value the row lacks.
        var primary: Int32
        var secondary: Int32 = -1
        var kana: Int32 = -1
        var reading: Int32 = -1
        /// A date's day number, or `Int32.min`.
        var day = Int32.min
        /// The range of the compared characters in ``scalars``.
        var start: Int32 = 0
        var length: Int32 = 0

        static let missingText: Int32 = -2
        static let missing = Cell(primary: missingText)
        var isMissing: Bool { primary == Self.missingText }
    }

    public let kinds: [FieldKind]
    /// Row by row, a cell per field.
    private(set) var cells: [Cell] = []
    private var texts = Interner<String>()
    private var scalars: [UInt32] = []
    /// Per text number, where its characters are in ``scalars`` (start << 32 | length), once they were needed.
    private var ranges: [UInt64] = []

    public init(kinds: [FieldKind]) {
        self.kinds = kinds
    }

    public init(kinds: [FieldKind], rows: [[PreparedValue?]]) {
        self.init(kinds: kinds)
        for row in rows { append(cells(of: row)) }
    }

    /// How many rows there are.
    public var count: Int { kinds.isEmpty ? 0 : cells.count / kinds.count }

    /// A row's values as cells (their texts interned now when new).
    mutating func cells(of values: [PreparedValue?]) -> [Cell] {
        precondition(values.count == kinds.count, "a row has one value per field")
        return zip(kinds, values).map { kind, value in value.map { cell(kind, $0) } ?? .missing }
    }

    /// Adds a row of cells made by ``cells(of:)``; returns its index.
    @discardableResult
    mutating func append(_ row: [Cell]) -> Int {
        cells += row
        return count - 1
    }

    /// Adds a row of prepared values; returns its index.
    @discardableResult
    public mutating func append(_ values: [PreparedValue?]) -> Int { append(cells(of: values)) }

    private mutating func number(_ text: String) -> Int32 { text.isEmpty ? -1 : texts.number(text) }

    private func text(_ number: Int32) -> String { number < 0 ? "" : texts[number] }

    private mutating func cell(_ kind: FieldKind, _ value: PreparedValue) -> Cell {
        var cell = Cell(primary: number(value.primary), secondary: number(value.secondary), kana: number(value.kana),
                        reading: number(value.reading))
        if let day = value.day { cell.day = Int32(clamping: day) }
        let compared: Int32
        switch kind {
        case .exact: return cell
        case .person: compared = cell.reading >= 0 ? cell.reading : cell.primary
        default: compared = cell.primary
        }
        guard compared >= 0 else { return cell }
        if ranges.count <= Int(compared) { ranges += repeatElement(UInt64.max, count: Int(compared) + 1 - ranges.count) }
        if ranges[Int(compared)] == .max {
            let start = scalars.count
            scalars += texts[compared].unicodeScalars.map(\.value)
            ranges[Int(compared)] = UInt64(start) << 32 | UInt64(scalars.count - start)
        }
        cell.start = Int32(truncatingIfNeeded: ranges[Int(compared)] >> 32)
        cell.length = Int32(truncatingIfNeeded: ranges[Int(compared)] & 0xFFFF_FFFF)
        return cell
    }

    /// A row's cells.
    func row(_ row: Int) -> ArraySlice<Cell> { cells[row * kinds.count..<(row + 1) * kinds.count] }

    /// The level of agreement of two rows on a field (nil when either lacks a value).
    public func level(_ field: Int, _ a: Int, _ b: Int) -> Int? {
        scalars.withUnsafeBufferPointer { level(field, a, b, $0) }
    }

    private func level(_ field: Int, _ a: Int, _ b: Int, _ scalars: UnsafeBufferPointer<UInt32>) -> Int? {
        let x = cells[a * kinds.count + field], y = cells[b * kinds.count + field]
        return x.isMissing || y.isMissing ? nil : Self.level(kinds[field], x, y, scalars)
    }

    /// The levels of two rows, field by field.
    public func levels(_ a: Int, _ b: Int) -> [Int?] { kinds.indices.map { level($0, a, b) } }

    /// Calls `body` with each field's level of two rows (nil where a value is missing), without building an array.
    @inline(__always)
    func forEachLevel(_ a: Int, _ b: Int, _ body: (Int, Int?) -> Void) {
        scalars.withUnsafeBufferPointer { scalars in
            for field in kinds.indices { body(field, level(field, a, b, scalars)) }
        }
    }

    /// Two rows' levels as one number (four bits a field: 0 missing or ignored, else the level + 1), for counting
    /// level patterns without an array per pair. `ignoring` has a bit set for each field to leave out.
    func pattern(_ a: Int, _ b: Int, ignoring: UInt64) -> UInt64 {
        precondition(kinds.count <= 16, "a pattern holds 16 fields")
        var code = 0 as UInt64
        forEachLevel(a, b) { field, level in
            if let level, ignoring & 1 << UInt64(field) == 0 { code |= UInt64(level + 1) << (4 * UInt64(field)) }
        }
        return code
    }

    /// The levels a ``pattern(_:_:ignoring:)`` number stands for.
    func levels(pattern code: UInt64) -> [Int?] {
        kinds.indices.map { field in
            let level = Int(code >> (4 * UInt64(field)) & 0xF)
            return level == 0 ? nil : level - 1
        }
    }

    private static func level(_ kind: FieldKind, _ a: Cell, _ b: Cell, _ scalars: UnsafeBufferPointer<UInt32>) -> Int {
        if kind != .person, a.primary == b.primary { return 0 }
        func characters(_ cell: Cell) -> UnsafeBufferPointer<UInt32> {
            UnsafeBufferPointer(rebasing: scalars[Int(cell.start)..<Int(cell.start + cell.length)])
        }
        switch kind {
        case .exact:
            return 1
        case .name:
            if a.secondary == b.secondary { return 1 }
            return bands(JaroWinkler.similarity(characters(a), characters(b)), 0.92, 0.80)
        case .kana:
            return bands(JaroWinkler.similarity(characters(a), characters(b)), 0.92, 0.80) - 1
        case .date:
            let (x, y) = (characters(a), characters(b))
            if oneEdit(x, y) || swapped(x, y) { return 1 }
            if a.day != .min, b.day != .min, abs(Int(a.day) - Int(b.day)) == 1 { return 1 }
            return a.secondary >= 0 && a.secondary == b.secondary ? 2 : 3
        case .postcode:
            let (x, y) = (characters(a), characters(b))
            if x.count >= 5, y.count >= 5, x.prefix(5).elementsEqual(y.prefix(5)) { return 1 }
            if x.count >= 3, y.count >= 3, x.prefix(3).elementsEqual(y.prefix(3)) { return 2 }
            return 3
        case .address:
            return JaroWinkler.similarity(characters(a), characters(b)) >= 0.90 ? 1 : 2
        case .number:
            return oneEdit(characters(a), characters(b)) ? 1 : 2
        case .person:
            let bothKanji = a.primary >= 0 && b.primary >= 0
            let bothKana = a.kana >= 0 && b.kana >= 0
            let sameReading = a.reading >= 0 && a.reading == b.reading
            if bothKanji ? a.primary == b.primary : (bothKana && a.kana == b.kana) { return 0 }
            if bothKanji ? (a.secondary == b.secondary || (bothKana && a.kana == b.kana)) : sameReading { return 1 }
            if sameReading { return 2 }
            return bands(JaroWinkler.similarity(characters(a), characters(b)), 0.92, 0.80)
        }
    }

    /// 2, 3 or 4 for a similarity at or above `high`, at or above `low`, or below.
    private static func bands(_ similarity: Double, _ high: Double, _ low: Double) -> Int {
        similarity >= high ? 2 : similarity >= low ? 3 : 4
    }

    /// Same length and exactly one character different.
    static func oneEdit(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>) -> Bool {
        guard a.count == b.count else { return false }
        var different = 0
        for index in a.indices where a[index] != b[index] {
            different += 1
            if different > 1 { return false }
        }
        return different == 1
    }

    /// YYYYMMDD dates with the month and the day swapped.
    static func swapped(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>) -> Bool {
        guard a.count == 8, b.count == 8, a[0..<4].elementsEqual(b[0..<4]) else { return false }
        return a[4..<6].elementsEqual(b[6..<8]) && a[6..<8].elementsEqual(b[4..<6])
    }

    // MARK: Keys and terms

    /// A row's key under a blocking rule, nil when a field has no value: a person's reading (its folded kanji
    /// when it has no kana), a name's folded kanji, else the compared form; cut to the rule's prefix length.
    func blockingKey(_ row: Int, _ rule: RecordLinkage.BlockingRule) -> String? {
        var key = ""
        for field in rule.fields {
            let cell = cells[row * kinds.count + field]
            guard !cell.isMissing else { return nil }
            let form: String
            switch kinds[field] {
            case .person: form = text(cell.reading >= 0 ? cell.reading : cell.secondary)
            case .name: form = text(cell.secondary)
            default: form = text(cell.primary)
            }
            key += (rule.prefixes[field].map { String(form.prefix($0)) } ?? form) + "\u{1F}"
        }
        return key
    }

    /// The text a term frequency counts for a row's field: the exact form, or a person's reading when it has no
    /// kanji; nil when the row has no value.
    func term(_ row: Int, _ field: Int) -> String? {
        let cell = cells[row * kinds.count + field]
        guard !cell.isMissing else { return nil }
        return text(cell.primary >= 0 ? cell.primary : cell.reading)
    }
}
