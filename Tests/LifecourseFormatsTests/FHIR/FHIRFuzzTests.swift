import Foundation
import LifecourseCore
import LifecourseTesting
import Testing
@testable import LifecourseFormats

/// The FHIR reader against damaged JSON (the generator's bundle, pretty-printed, with lines flipped, cut,
/// duplicated, dropped or swapped and markup inserted): it never crashes or hangs, and every unit it refuses
/// names a line.
@Suite struct FHIRFuzzTests {
    static let damage = ClaimsFuzzTests.Damage(separator: 0x22, insertions: [
        Array("{".utf8), Array("}".utf8), Array("[".utf8), Array(",".utf8), Array("\"".utf8), Array("null".utf8), [0xFF],
    ])

    @Test(.timeLimit(.minutes(3)))
    func damagedBundlesAreRefusedWithTheirLineNeverCrash() throws {
        let original = Array(try FHIRFileReaderTests.generated().utf8)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.file("fuzz.json")
        var random = ClaimsFuzzTests.Random(state: 20_261_129)
        var refused = 0
        var read = 0
        for round in 0..<1_500 {
            var lines: [[UInt8]] = original.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
            for _ in 0..<(1 + random.below(2)) { ClaimsFuzzTests.mutate(&lines, &random, damage: Self.damage) }
            try Data(lines.joined(separator: [0x0A])).write(to: file)
            try FHIRFileReader(path: file.path, institution: nil).forEachEvent(progress: { _ in }) { event in
                switch event {
                case .record: read += 1
                case .quarantined(let row):
                    refused += 1
                    if row.problem.position.line == nil { Issue.record("round \(round): \(row.problem) names no line") }
                case .warning: break
                }
            }
        }
        #expect(refused > 150 && read > 150, "the mutations reach both outcomes")
    }
}
