import Foundation
import LifecourseTesting
import Testing
@testable import lifecourse

@Suite struct CSVInputTests {
    /// A file large enough to be split in parts reads as one: every row, in order, with its own line number.
    @Test func readsALargeFileInPartsWithTheRightLines() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var text = "id;name;value\n"
        for row in 1...300_000 { text += "\(row);name\(row % 97);\(row * 7)\n" }
        try Data(text.utf8).write(to: directory.file("large.csv"))
        let input = try CSVInput(path: directory.file("large.csv").path, delimiter: 0x3B)
        #expect(input.header == ["id", "name", "value"] && input.rows.count == 300_000)
        #expect(input.rows.enumerated().allSatisfy { index, row in row.line == index + 2 && row.fields[0] == String(index + 1) })
        try Data((text + "300001;ragged\n").utf8).write(to: directory.file("ragged.csv"))
        #expect(throws: (any Error).self) { try CSVInput(path: directory.file("ragged.csv").path, delimiter: 0x3B) }
        do {
            _ = try CSVInput(path: directory.file("ragged.csv").path, delimiter: 0x3B)
        } catch {
            #expect("\(error)".contains("line 300002: 2 fields where the header has 3"), "\(error)")
        }
    }
}
