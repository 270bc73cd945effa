import Foundation
import LifecourseCore
import Testing
@testable import LifecourseFormats

/// The CDA reader against damaged documents: lines flipped, cut, duplicated, dropped or swapped, markup and broken
/// UTF-8 inserted. It must never crash or hang, and every document it refuses must name a line.
@Suite struct CheckupFuzzTests {
    static let damage = ClaimsFuzzTests.Damage(separator: 0x22, insertions: [
        Array("<".utf8), Array("&".utf8), Array("</x>".utf8), Array("<!--".utf8), [0xFF], [0xE3, 0x81],
    ])

    @Test(.timeLimit(.minutes(3)))
    func damagedDocumentsAreRefusedWithTheirLineNeverCrash() throws {
        let original = Array(CheckupCDAWriter.xml(try CheckupSamples.document()).utf8)
        var random = ClaimsFuzzTests.Random(state: 20_261_128)
        var refused = 0
        var read = 0
        for round in 0..<3_000 {
            var lines: [[UInt8]] = original.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
            for _ in 0..<(1 + random.below(2)) { ClaimsFuzzTests.mutate(&lines, &random, damage: Self.damage) }
            let bytes = Data(lines.joined(separator: [0x0A]))
            do throws(SourceError) {
                _ = try CheckupCDAReader.read(bytes, file: "fuzz-\(round).xml")
                read += 1
            } catch {
                refused += 1
                if error.position.line == nil { Issue.record("round \(round): \(error) names no line") }
            }
        }
        #expect(refused > 300 && read > 300, "the mutations reach both outcomes")
    }
}
