public import LifecourseCore

/// Reads a 支払基金 master file (``MasterKind``'s layouts) row by row: each row becomes an entry or a problem that
/// names the line and column, and one bad row never stops the others.
public struct MasterFileReader: Sendable {
    public enum Event: Sendable {
        case entry(MasterCode, line: Int)
        case problem(SourceError)
    }

    public let file: ChunkedFile
    public let displayName: String

    public init(path: String, displayName: String? = nil, chunkSize: Int = 256 * 1024) {
        file = ChunkedFile(path: path, chunkSize: chunkSize)
        self.displayName = displayName ?? path
    }

    /// Calls `body` with each row's entry or problem.
    /// - Returns: the number of rows.
    /// - Throws: ``SourceError`` when the file cannot be read or holds no row; whatever `body` throws.
    @discardableResult
    public func forEachEvent(_ body: (Event) throws -> Void) throws -> Int {
        let rows = try file.forEachCSVBatch(encoding: .cp932, progress: { _ in }) { batch in
            for record in batch {
                let event: Event
                do throws(SourceError) {
                    event = .entry(try Self.entry(record, file: displayName), line: record.line)
                } catch {
                    event = .problem(error)
                }
                try body(event)
            }
        }
        guard rows > 0 else {
            throw SourceError(at: SourcePosition(file: displayName), problem: "the file holds no row",
                              fix: "give the master files as published by 支払基金 (b_, s_, y_, t_, z_, c_)")
        }
        return rows
    }

    /// The master a file holds, from its first row's second field (B, S, Y, T, Z, C), or nil.
    public static func kind(ofFirstLine line: some Collection<UInt8>) -> MasterKind? {
        let fields = line.split(separator: 0x2C, maxSplits: 2, omittingEmptySubsequences: false)
        guard fields.count >= 3 else { return nil }
        let letter = String(decoding: fields[1].filter { $0 != 0x22 }, as: UTF8.self)
        return MasterKind.allCases.first { $0.recordLetter == letter }
    }

    static func entry(_ record: CSVRecord, file: String) throws(SourceError) -> MasterCode {
        let position = SourcePosition(file: file, line: record.line, byteOffset: record.byteOffset)
        if let problem = record.problem {
            throw SourceError(at: position.field(problem.field), problem: problem.description,
                              fix: "use the master file as published")
        }
        let row = CSVRow(fields: record.fields, position: position, names: [],
                         fix: "load the master file as published by 支払基金, unedited")
        guard record.fields.count > 1, let kind = MasterKind.allCases.first(where: { $0.recordLetter == row.trimmed(1) }) else {
            throw SourceError(at: position.field(2), problem: "'\(record.fields.count > 1 ? record.fields[1] : "")' is not a master letter",
                              fix: "give only 支払基金 master files (the second field is B, S, Y, T, Z or C)")
        }
        let layout = kind.layout
        guard record.fields.count >= layout.minimumFields else {
            throw SourceError(at: position, problem: "a \(kind.japaneseName) row has at least \(layout.minimumFields) fields; this one has \(record.fields.count)",
                              fix: "use the master file as published, without editing it")
        }
        func optional(_ index: Int) -> String? {
            let text = row.trimmed(index)
            return text.isEmpty ? nil : text
        }
        func date(_ index: Int?) throws(SourceError) -> CalendarDate? {
            guard let index, let text = optional(index), text != "00000000", text != "99999999" else { return nil }
            return try row.date(index)
        }
        let changed = try date(layout.changed)
        let listed = try date(layout.listed)
        // Free-text comment codes (パターン 10) have no name of their own.
        let name = kind == .comment ? row.trimmed(layout.name) : try row.required(layout.name)
        var entry = MasterCode(
            kind: kind.rawValue, code: try row.digits(layout.code, count: layout.codeLength, "a \(kind.japaneseName) code"),
            validFrom: changed ?? listed, validUntil: try date(layout.abolished), name: name, kana: optional(layout.kana))
        switch kind {
        case .disease:
            let icd2013 = [optional(15), optional(16)].compactMap { $0 }
            entry.icd10 = icd2013.isEmpty ? [optional(13), optional(14)].compactMap { $0 } : icd2013
            entry.managementNumber = optional(10)
            entry.exchangeCode = optional(12)
        case .drug:
            entry.yjCode = optional(31)
            entry.unit = optional(9)
            entry.amount = Double(row.trimmed(11))
        case .procedure, .device:
            entry.unit = optional(9)
            entry.amount = Double(row.trimmed(11))
        case .modifier:
            entry.managementNumber = optional(16)
            entry.exchangeCode = optional(17)
        case .comment:
            break
        }
        return entry
    }
}
