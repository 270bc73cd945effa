import Foundation
import LifecourseCore
import LifecourseFormats
import LifecourseTesting
import Testing

/// The claims reader against damaged input: 100,000 mutations of the real fixture (bytes flipped, fields cut,
/// lines duplicated, dropped or swapped, CP932 broken, files cut short). The reader must never crash or hang,
/// and every claim it quarantines must name the line and the field of its problem.
@Suite struct ClaimsFuzzTests {
    /// SplitMix64: small, fast and deterministic, so that a failing case can be replayed from its number.
    struct Random {
        var generator: SplitMix64
        init(state: UInt64) { generator = SplitMix64(seed: state) }
        mutating func below(_ bound: Int) -> Int { Int(generator.next() % UInt64(bound)) }
    }

    typealias Parts = (header: [UInt8], claims: [[[UInt8]]], trailer: [UInt8])

    /// The fixture as lines (without CRLF): the IR record, each claim's lines, the GO record.
    static let parts: Parts = split(try! Fixtures.bytes(Fixtures.outpatientClaims))

    /// A file's lines (without CRLF): its header record, each claim's lines, its GO record.
    static func split(_ bytes: [UInt8]) -> Parts {
        var lines: [[UInt8]] = bytes.split(separator: 0x0A, omittingEmptySubsequences: true).map { line in
            line.last == 0x0D ? Array(line.dropLast()) : Array(line)
        }
        lines.removeAll { $0 == [0x1A] }
        var claims = [[[UInt8]]]()
        for line in lines.dropFirst().dropLast() {
            if line.starts(with: Array("RE,".utf8)) { claims.append([]) }
            claims[claims.count - 1].append(line)
        }
        return (lines[0], claims, lines[lines.count - 1])
    }

    /// The damage done to a line (a record, a segment): what separates its fields, and the bytes that break its
    /// encoding or its syntax when inserted.
    struct Damage {
        var separator: UInt8
        var insertions: [[UInt8]]

        /// レセ電 lines: a CP932 lead byte without its trail byte, or a byte that is never valid.
        static let claims = Damage(separator: 0x2C, insertions: [[0x81], [0xFF]])
    }

    /// One mutation of one line: bytes flipped, a field cut, the line duplicated, dropped, swapped with another,
    /// broken by an insertion, or cut short.
    static func mutate(_ lines: inout [[UInt8]], _ random: inout Random, damage: Damage = .claims) {
        guard !lines.isEmpty else { return }
        let index = random.below(lines.count)
        switch random.below(7) {
        case 0:  // flip bytes
            for _ in 0..<(1 + random.below(3)) where !lines[index].isEmpty {
                lines[index][random.below(lines[index].count)] ^= UInt8(1 << random.below(8))
            }
        case 1:  // cut a field: drop the text between two separators, or a separator itself
            let separators = lines[index].indices.filter { lines[index][$0] == damage.separator }
            guard let first = separators.randomElement(using: &random) else { return }
            let end = separators.first { $0 > first } ?? first + 1
            lines[index].removeSubrange(first..<min(end, lines[index].count))
        case 2:  // duplicate a line
            lines.insert(lines[index], at: index)
        case 3:  // drop a line
            lines.remove(at: index)
        case 4:  // swap two lines
            lines.swapAt(index, random.below(lines.count))
        case 5:  // break the encoding or the syntax
            let position = random.below(lines[index].count + 1)
            lines[index].insert(contentsOf: damage.insertions[random.below(damage.insertions.count)], at: position)
        default:  // cut the line short
            lines[index].removeLast(random.below(lines[index].count + 1))
        }
    }

    @Test(.timeLimit(.minutes(10)))
    func theReaderNeverCrashesAndEveryQuarantineNamesLineAndField() throws {
        let (quarantined, accepted) = Self.fuzz(Self.parts, rounds: 100_000, seed: 20_261_126)
        #expect(quarantined > 10_000 && accepted > 10_000, "the mutations reach both outcomes")
    }

    /// The same for the DPC (BU … CD) and 歯科 (HS, SS and the dental layouts) records, from the generator's writer.
    @Test(.timeLimit(.minutes(5)))
    func dpcAndDentalClaimsSurviveTheSameMutations() throws {
        for (claim, institution) in [(try ClaimsFileWriterTests.dpcClaim(), ClaimsFileWriterTests.dpcHospital),
                                     (try ClaimsFileWriterTests.dentalClaim(), ClaimsFileWriterTests.dentalClinic)] {
            var writer = ClaimsFileWriter()
            writer.institution(institution, payer: 1, name: "テスト", billingMonth: try YearMonth(year: 2024, month: 6))
            writer.claim(claim)
            let (quarantined, accepted) = Self.fuzz(Self.split(try writer.finish()), rounds: 20_000, seed: 20_261_127)
            #expect(quarantined > 2_000 && accepted > 2_000, "the mutations reach both outcomes")
        }
    }

    /// Mutates one claim of `parts` per round; returns how many claims were quarantined and accepted.
    static func fuzz(_ parts: Parts, rounds: Int, seed: UInt64) -> (quarantined: Int, accepted: Int) {
        let (header, claims, trailer) = parts
        var random = Random(state: seed)
        var quarantined = 0
        var accepted = 0
        for round in 0..<rounds {
            let claim = claims[random.below(claims.count)]
            var lines: [[UInt8]] = [header]
            lines += claim
            lines.append(trailer)
            for _ in 0..<(1 + random.below(2)) where !lines.isEmpty { Self.mutate(&lines, &random) }
            var bytes = [UInt8]()
            for line in lines { bytes += line + [0x0D, 0x0A] }
            var decoder = ClaimsFileDecoder(fileName: "fuzz-\(round).UKE")
            var events = [ClaimsEvent]()
            if round % 10 == 0 {
                for chunk in DripFeed.chunks(bytes, size: 7) { events += decoder.decode(chunk) }
            } else {
                events = decoder.decode(bytes)
            }
            events += decoder.finish()
            for event in events {
                switch event {
                case .quarantined(let claim):
                    quarantined += 1
                    let position = claim.problem.position
                    if position.line == nil || position.field == nil {
                        Issue.record("round \(round): \(claim.problem) names no line or field")
                    }
                case .claim(let claim):
                    accepted += 1
                    _ = claim.sourceRecord
                default:
                    break
                }
            }
        }
        return (quarantined, accepted)
    }
}

extension Array {
    fileprivate func randomElement(using random: inout ClaimsFuzzTests.Random) -> Element? {
        isEmpty ? nil : self[random.below(count)]
    }
}
