import Foundation
import LifecourseCore
import LifecourseFormats

/// A CSV file read whole for `link-csv` and `anonymize-csv`: RFC 4180, UTF-8, a header row naming the columns, every row as wide as
/// the header. A file that breaks these is refused with its name, line and what to do.
struct CSVInput {
    let path: String
    let header: [String]
    let rows: [(line: Int, fields: [String])]

    init(path: String, delimiter: UInt8 = 0x2C) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw UserError("\(path): no such file; check the path")
        }
        let records = try Self.records(path: path, delimiter: delimiter)
        guard let first = records.first else {
            throw UserError("\(path): the file is empty; a CSV with a header row naming its columns is expected")
        }
        for record in records {
            if let problem = record.problem {
                throw UserError("\(path), line \(record.line), column \(problem.field): \(problem.description); "
                                + "save the file as RFC 4180 CSV in UTF-8 (quotes doubled inside quoted fields)")
            }
        }
        self.path = path
        header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        var rows = [(line: Int, fields: [String])]()
        for record in records.dropFirst() {
            if record.fields == [""] { continue }  // a blank line
            guard record.fields.count == first.fields.count else {
                throw UserError("\(path), line \(record.line): \(record.fields.count) fields where the header has "
                                + "\(first.fields.count); every row needs one value per column (empty values are fine)")
            }
            rows.append((record.line, record.fields))
        }
        self.rows = rows
    }

    /// The file's records. A large file without quotes (so that every line break ends a record) is cut at line
    /// breaks into one part per processor, split concurrently.
    private static func records(path: String, delimiter: UInt8) throws -> [(line: Int, fields: [String], problem: CSVProblem?)] {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let partCount = bytes.count > 4 << 20 && !bytes.contains(0x22) ? ProcessInfo.processInfo.activeProcessorCount : 1
        var parts = [Range<Int>](), start = 0
        for part in 1...partCount {
            var end = part == partCount ? bytes.count : max(start, bytes.count * part / partCount)
            while end < bytes.count, bytes[end - 1] != 0x0A { end += 1 }
            parts.append(start..<end)
            start = end
        }
        let split = try parts.concurrentMap(minimumPerChunk: 1) { range in
            var splitter = CSVSplitter(delimiter: delimiter)
            let records = splitter.split(bytes[range]) + splitter.finish()
            return (records.map { (line: $0.line, fields: $0.fields, problem: $0.problem) },
                    lines: bytes[range].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) })
        }
        var records = [(line: Int, fields: [String], problem: CSVProblem?)](), offset = 0
        for (part, lines) in split {
            records += part.map { (line: $0.line + offset, fields: $0.fields, problem: $0.problem) }
            offset += lines
        }
        return records
    }

    /// The index of a column.
    func column(_ name: String, option: String) throws -> Int {
        guard let index = header.firstIndex(of: name) else {
            throw UserError("\(path): no column '\(name)' (named by \(option)); its columns are "
                            + header.map { "'\($0)'" }.joined(separator: ", "))
        }
        return index
    }

    /// A value as a CSV field (quoted when it holds a comma, a quote or a line break).
    static func field(_ value: String) -> String { CSVField.quote(value) }
}
