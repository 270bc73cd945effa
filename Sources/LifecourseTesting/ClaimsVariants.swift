public import Foundation

/// Variants of the claims fixture made by tests (the fixture itself is never changed).
public enum ClaimsVariants {
    /// The fixture's lines, decoded from CP932, without line ends.
    public static func fixtureLines() throws -> [String] {
        let text = String(data: try Data(contentsOf: Fixtures.outpatientClaims), encoding: .shiftJIS)!
        return text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    /// Writes lines as a CP932 claims file with CRLF line ends.
    @discardableResult
    public static func write(_ lines: [String], to url: URL) throws -> URL {
        guard let data = (lines.joined(separator: "\r\n") + "\r\n").data(using: .shiftJIS) else {
            throw CocoaError(.fileWriteInapplicableStringEncoding)
        }
        try data.write(to: url)
        return url
    }

    /// The fixture with one line replaced; returns the file and the 1-based number of the line.
    public static func withBrokenLine(in directory: TemporaryDirectory, matching prefix: String,
                                      replacement: String) throws -> (url: URL, line: Int) {
        var lines = try fixtureLines()
        guard let index = lines.firstIndex(where: { $0.hasPrefix(prefix) }) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        lines[index] = replacement
        return (try write(lines, to: directory.file("BROKEN.UKE")), index + 1)
    }

    /// A large claims file: the fixture's claims repeated `copies` times with new claim numbers and shifted
    /// birth dates (so each copy holds other persons), between one IR and one GO.
    public static func large(copies: Int, to url: URL) throws -> URL {
        let lines = try fixtureLines()
        let body = lines.filter { !$0.hasPrefix("IR,") && !$0.hasPrefix("GO,") }
        var output = [lines[0]]
        var claimNumber = 0
        for copy in 0..<copies {
            for line in body {
                guard line.hasPrefix("RE,") else {
                    output.append(line)
                    continue
                }
                var fields = line.components(separatedBy: ",")
                claimNumber += 1
                fields[1] = String(claimNumber)
                let year = 1930 + copy % 90
                fields[6] = String(year) + fields[6].dropFirst(4)
                if fields[6].hasSuffix("0229") { fields[6] = String(fields[6].dropLast(2)) + "28" }
                output.append(fields.joined(separator: ","))
            }
        }
        return try write(output, to: url)
    }
}
