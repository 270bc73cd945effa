import Foundation
import LifecourseCore
import LifecourseTesting
import Testing
@testable import LifecourseFormats

/// The HL7 decoder and the SS-MIX2 mapping against damaged messages: mutations of the fixture patient's files
/// (bytes flipped, fields cut, segments duplicated, dropped or swapped, ISO-2022-JP escapes broken, messages cut
/// short). They must never crash or hang, and every message they refuse must name its segment (as the line) and,
/// unless the damage is in the encoding (then the byte offset) or a whole segment is missing, the field.
@Suite struct SSMIX2FuzzTests {
    typealias Random = ClaimsFuzzTests.Random

    /// The fixture patient's files with their place in the storage.
    static let messages: [(bytes: [UInt8], storage: SSMIX2File)] = SSMIX2Storage.walk(root: Fixtures.ssmix2Root).files
        .filter { $0.patientID == "9999013" }
        .map { (try! Fixtures.bytes(URL(fileURLWithPath: $0.path)), $0) }

    /// HL7 segments: a stray escape, an unknown escape sequence, a lone byte of a two-byte character, or a
    /// separator or escape character where it does not belong.
    static let damage = ClaimsFuzzTests.Damage(separator: 0x7C, insertions: [
        [0x1B], [0x1B, 0x28, 0x49], [0x1B, 0x24, 0x42, 0x30], [0x8E], [0x5E], [0x7E], [0x5C], [0x26], [0x7C],
    ])

    @Test(.timeLimit(.minutes(5)))
    func damagedMessagesAreRefusedWithTheirPlaceNeverCrash() throws {
        var random = Random(state: 20_261_127)
        var refused = 0
        var read = 0
        for round in 0..<10_000 {
            let (original, storage) = Self.messages[random.below(Self.messages.count)]
            var segments: [[UInt8]] = original.split(separator: 0x0D, omittingEmptySubsequences: true).map { Array($0) }
            for _ in 0..<(1 + random.below(2)) { ClaimsFuzzTests.mutate(&segments, &random, damage: Self.damage) }
            let bytes: [UInt8] = segments.flatMap { $0 + [0x0D] }
            do throws(SourceError) {
                var decoder = HL7MessageDecoder(fileName: "fuzz-\(round)")
                if round % 10 == 0 {
                    for chunk in DripFeed.chunks(bytes, size: 5) { try decoder.decode(chunk) }
                } else {
                    try decoder.decode(bytes)
                }
                let parsed = try decoder.finish()
                _ = try SSMIX2Record.make(parsed, text: "", origin: SSMIX2Record.Origin(
                    path: "fuzz-\(round)", institution: SSMIX2RecordTests.hospital, storage: storage))
                read += 1
            } catch {
                refused += 1
                // A segment that is missing altogether (no PID) is placed at the message's start, without a field.
                let wholeMessage = error.problem.hasPrefix("the message") || error.problem.hasPrefix("the file")
                if error.position.line == nil
                    || (error.position.field == nil && error.position.byteOffset == nil && !wholeMessage) {
                    Issue.record("round \(round): \(error) names no segment, or neither field nor byte")
                }
            }
        }
        #expect(refused > 1_000 && read > 1_000, "the mutations reach both outcomes")
    }
}
