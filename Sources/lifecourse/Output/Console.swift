import Foundation

/// Printing for the commands: JSON, aligned tables (East Asian wide characters count two columns), and
/// messages on standard error.
enum Console {
    static func printJSON(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// Prints rows under a header, each column padded to its widest cell.
    static func printTable(header: [String], rows: [[String]]) {
        let widths = header.indices.map { column in
            ([header] + rows).map { displayWidth($0[column]) }.max() ?? 0
        }
        for row in [header] + rows {
            let cells = row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - displayWidth(cell))
            }
            print(cells.joined(separator: "  "))
        }
    }

    /// Columns a string takes in a terminal: two for East Asian wide and full-width characters.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
                 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
                 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
                width + 2
            case 0x0300...0x036F, 0x3099...0x309A:
                width
            default:
                width + 1
            }
        }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Whether standard error is a terminal (progress lines are shown there).
    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
