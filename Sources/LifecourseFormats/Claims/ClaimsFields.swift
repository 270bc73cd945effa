public import LifecourseCore

/// The fields of one claims record, with typed accessors whose errors name the line and column.
///
/// Index 0 is the record type (`RE`, `SY` …), as in the レセ電 record layouts; errors count columns from 1.
///
/// A field becomes a string only when it is read: a record has up to 40 fields (31 of them day-by-day counts, most
/// empty) of which a reader uses some, and making a string of each was a tenth of reading a claims file.
public struct ClaimsFields: Sendable {
    public let recordType: String
    public let position: SourcePosition
    /// The line as received (CP932).
    private let line: [UInt8]
    /// Where each field ends in `line`: at the comma after it, or at the line's end for the last.
    private let ends: [Int32]
    /// The fields that are not ASCII, decoded from CP932 when the line was split (names and comments: few).
    private let decoded: [(index: Int, text: String)]

    /// Splits a line's bytes on commas (claims files have no quoting, and no CP932 character contains a comma byte)
    /// and decodes the fields that are not ASCII, so that a line that is not CP932 is refused whole.
    /// - Throws: the first byte that is not CP932, with its offset in the line.
    public init(cp932 line: [UInt8], position: SourcePosition) throws(TextDecodingError) {
        var ends: [Int32] = []
        ends.reserveCapacity(line.count / 2 + 1)
        var decoded: [(index: Int, text: String)] = []
        var failure: TextDecodingError?
        line.withUnsafeBufferPointer { buffer in
            var start = 0
            var ascii = true
            for index in 0...buffer.count {
                guard index == buffer.count || buffer[index] == 0x2C else {
                    if buffer[index] >= 0x80 { ascii = false }
                    continue
                }
                if !ascii {
                    do throws(TextDecodingError) {
                        let field = UnsafeBufferPointer(rebasing: buffer[start..<index])
                        decoded.append((ends.count, try CP932Decoder.decode(field)))
                    } catch {
                        failure = TextDecodingError(encoding: error.encoding, byteOffset: start + error.byteOffset,
                                                    bytes: error.bytes, reason: error.reason)
                        return
                    }
                }
                ends.append(Int32(index))
                start = index + 1
                ascii = true
            }
        }
        if let failure { throw failure }
        self.line = line
        self.ends = ends
        self.decoded = decoded
        self.position = position
        recordType = decoded.first?.index == 0 ? decoded[0].text
            : String(decoding: line[..<Int(ends.first ?? 0)], as: UTF8.self)
    }

    /// How many fields the record has.
    public var count: Int { ends.count }

    /// Every field, in order.
    public var values: [String] { (0..<ends.count).map { self[$0] } }

    /// Where field `index` lies in the line (empty when the record is shorter).
    private func range(_ index: Int) -> Range<Int> {
        guard index < ends.count else { return 0..<0 }
        return (index == 0 ? 0 : Int(ends[index - 1]) + 1)..<Int(ends[index])
    }

    /// The field at `index`, or "" when the record is shorter (trailing empty fields are often left out).
    public subscript(index: Int) -> String {
        let range = range(index)
        return range.isEmpty ? "" : text(index, at: range)
    }

    /// The field, or nil when empty.
    public func optional(_ index: Int) -> String? {
        let range = range(index)
        return range.isEmpty ? nil : text(index, at: range)
    }

    /// Field `index`, which lies at `range` of the line (not empty), as text.
    private func text(_ index: Int, at range: Range<Int>) -> String {
        if !decoded.isEmpty, let field = decoded.first(where: { $0.index == index }) { return field.text }
        return line.withUnsafeBufferPointer { bytes in
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
    }

    func at(_ index: Int) -> SourcePosition { position.field(index + 1) }

    func error(_ index: Int, _ name: String, _ problem: String, fix: String? = nil) -> SourceError {
        SourceError(at: at(index), problem: "\(recordType) \(name): \(problem)",
                    fix: fix ?? "correct the \(recordType) record in the sending system and send the file again")
    }

    /// A field that must be present.
    public func required(_ index: Int, _ name: String) throws(SourceError) -> String {
        guard let value = optional(index) else {
            throw error(index, name, "the field is empty but required")
        }
        return value
    }

    /// The field read by `parse`, or nil when empty; a ``ValueError`` becomes a ``SourceError`` at this column.
    public func value<T>(_ index: Int, _ name: String,
                         _ parse: (String) throws(ValueError) -> T) throws(SourceError) -> T? {
        guard let raw = optional(index) else { return nil }
        do {
            return try parse(raw)
        } catch {
            throw self.error(index, name, error.description)
        }
    }

    /// Like ``value(_:_:_:)``, for a field that must be present.
    public func requiredValue<T>(_ index: Int, _ name: String,
                                 _ parse: (String) throws(ValueError) -> T) throws(SourceError) -> T {
        guard let value = try value(index, name, parse) else {
            throw error(index, name, "the field is empty but required")
        }
        return value
    }

    /// A whole number, or nil when empty. Full-width digits are accepted. The name is only built for an error.
    public func integer(_ index: Int, _ name: @autoclosure () -> String) throws(SourceError) -> Int? {
        let range = range(index)
        guard !range.isEmpty else { return nil }
        if range.count <= 18, let value = Self.digits(line, range) { return value }
        let raw = text(index, at: range)
        if let value = Int(raw) { return value }
        guard let value = Int(JapaneseText.nfkc(raw)) else {
            throw error(index, name(), "'\(raw)' is not a whole number")
        }
        return value
    }

    /// The value of a field of ASCII digits only, without making a string of it (most numbers in a claims file).
    private static func digits(_ line: [UInt8], _ range: Range<Int>) -> Int? {
        var value = 0
        for byte in line[range] {
            guard byte &- 0x30 < 10 else { return nil }
            value = value * 10 + Int(byte &- 0x30)
        }
        return value
    }

    /// A whole number that must be present.
    public func requiredInteger(_ index: Int, _ name: String) throws(SourceError) -> Int {
        guard let value = try integer(index, name) else {
            throw error(index, name, "the field is empty but required")
        }
        return value
    }

    /// 修飾語コード: 4-character codes written one after another (at most 20).
    public func modifierCodes(_ index: Int) throws(SourceError) -> [String] {
        try codeRun(index, "修飾語コード", width: 4, example: "8002")
    }

    /// 歯式コード: 6-character tooth codes written one after another (at most 64).
    public func toothCodes(_ index: Int) throws(SourceError) -> [String] {
        try codeRun(index, "歯式コード", width: 6, example: "101100")
    }

    private func codeRun(_ index: Int, _ name: String, width: Int, example: String) throws(SourceError) -> [String] {
        let bytes = Array(self[index].utf8)
        guard bytes.count % width == 0, bytes.allSatisfy({ $0 < 0x80 && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) else {
            throw error(index, name, "'\(self[index])' is not a run of \(width)-character codes such as \(example)")
        }
        return stride(from: 0, to: bytes.count, by: width).map { String(decoding: bytes[$0..<$0 + width], as: UTF8.self) }
    }

    /// A decimal number such as a quantity (`0.5`), or nil when empty.
    public func decimal(_ index: Int, _ name: String) throws(SourceError) -> Double? {
        guard let raw = optional(index) else { return nil }
        if let value = Double(raw), value.isFinite { return value }
        guard let value = Double(JapaneseText.nfkc(raw)), value.isFinite else {
            throw error(index, name, "'\(raw)' is not a number")
        }
        return value
    }

    /// A date (western `YYYYMMDD` or era `GYYMMDD`), or nil when empty.
    public func date(_ index: Int, _ name: String, policy: EraBoundaryPolicy) throws(SourceError) -> CalendarDate? {
        try value(index, name) { raw throws(ValueError) in try DateCode.date(raw, policy: policy) }
    }

    /// A month (western `YYYYMM` or era `GYYMM`), or nil when empty.
    public func month(_ index: Int, _ name: String, policy: EraBoundaryPolicy) throws(SourceError) -> YearMonth? {
        try value(index, name) { raw throws(ValueError) in try DateCode.month(raw, policy: policy) }
    }

    /// A code of fixed digits, e.g. a 9-digit claims code.
    public func digits(_ index: Int, _ name: String, count: Int) throws(SourceError) -> String? {
        guard let raw = optional(index) else { return nil }
        guard raw.utf8.count == count, raw.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw error(index, name, "'\(raw)' is not a \(count)-digit code")
        }
        return raw
    }

    /// Day-by-day counts in `count` consecutive fields starting at `first` (day 1 … day 31).
    public func dayCounts(from first: Int) throws(SourceError) -> [Int] {
        var counts = [Int](repeating: 0, count: 31)
        for day in 0..<31 {
            counts[day] = try integer(first + day, "day \(day + 1) count") ?? 0
        }
        return counts
    }
}
