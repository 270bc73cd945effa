public import LifecourseCore

/// The decoded fields of one claims record, with typed accessors whose errors name the line and column.
///
/// Index 0 is the record type (`RE`, `SY` …), as in the レセ電 record layouts; errors count columns from 1.
public struct ClaimsFields: Sendable {
    public let recordType: String
    public let values: [String]
    public let position: SourcePosition

    /// Splits a line's bytes on commas and decodes each field from CP932 (claims files have no quoting, and no
    /// CP932 character contains a comma byte). ASCII fields — most of them: codes, dates, counts — need no
    /// decoding, and those of up to 15 bytes become strings without a heap allocation.
    /// - Throws: the first byte that is not CP932, with its offset in the line.
    public init(cp932 line: [UInt8], position: SourcePosition) throws(TextDecodingError) {
        var values: [String] = []
        values.reserveCapacity(16)
        var failure: TextDecodingError?
        line.withUnsafeBufferPointer { buffer in
            var start = 0
            var ascii = true
            for index in 0...buffer.count {
                guard index == buffer.count || buffer[index] == 0x2C else {
                    if buffer[index] >= 0x80 { ascii = false }
                    continue
                }
                let field = UnsafeBufferPointer(rebasing: buffer[start..<index])
                if ascii {
                    values.append(String(decoding: field, as: UTF8.self))
                } else {
                    do throws(TextDecodingError) {
                        values.append(try CP932Decoder.decode(field))
                    } catch {
                        failure = TextDecodingError(encoding: error.encoding, byteOffset: start + error.byteOffset,
                                                    bytes: error.bytes, reason: error.reason)
                        return
                    }
                }
                start = index + 1
                ascii = true
            }
        }
        if let failure { throw failure }
        self.values = values
        self.recordType = values.first ?? ""
        self.position = position
    }

    /// The field at `index`, or "" when the record is shorter (trailing empty fields are often left out).
    public subscript(index: Int) -> String {
        index < values.count ? values[index] : ""
    }

    /// The field, or nil when empty.
    public func optional(_ index: Int) -> String? {
        let value = self[index]
        return value.isEmpty ? nil : value
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
        guard let raw = optional(index) else { return nil }
        if let value = Int(raw) { return value }
        guard let value = Int(JapaneseText.nfkc(raw)) else {
            throw error(index, name(), "'\(raw)' is not a whole number")
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
