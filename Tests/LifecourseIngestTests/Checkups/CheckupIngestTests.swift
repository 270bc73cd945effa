import Foundation
import LifecourseCore
import LifecourseFormats
import LifecourseStore
import LifecourseSynth
import LifecourseTesting
import Testing
@testable import LifecourseIngest

/// 特定健診 archives land in the vault and research store, and an examinee who also has claims is found by the
/// card (insurer, 記号, 番号, 枝番, birth date, sex), 国保's padded insurer numbers included.
@Suite struct CheckupIngestTests {
    @Test func generatedArchivesJoinTheExamineesClaimsPersons() throws {
        let test = try TestStore()
        let output = try TemporaryDirectory()
        defer { test.remove(); output.remove() }
        let config = SynthConfig(persons: 600, seed: 33, firstYear: 2024, lastYear: 2024, prefectures: [13],
                                 outputs: [.claims, .checkups])
        _ = try SynthGenerator(config: config).run(to: output.url)
        let ingestor = Ingestor(store: test.store)
        _ = try ingestor.ingest(paths: [output.file("claims").path])
        let before = try test.store.read { try $0.persons() }.count
        let reports = try ingestor.ingest(paths: [output.file("checkups").path])
        #expect(!reports.isEmpty && reports.allSatisfy { $0.status == .ingested && $0.quarantinedNow == 0 })
        let documents = reports.reduce(0) { $0 + $1.acceptedNow }
        // Truth: who was examined, and who of them has claims at all.
        func persons(_ file: String) throws -> [String] {
            try String(contentsOf: output.file("truth/" + file), encoding: .utf8).split(separator: "\n").dropFirst()
                .map { String($0.split(separator: ",").last!) }
        }
        let examined = Set(try persons("checkups.csv")), claimed = Set(try persons("claims.csv"))
        #expect(documents == (try persons("checkups.csv")).count)
        let withoutClaims = examined.subtracting(claimed).count
        let added = try test.store.read { try $0.persons() }.count - before
        #expect(added >= withoutClaims, "an examinee without claims is a new person")
        #expect(added <= withoutClaims + examined.count / 50, "at most 2% of examinees missed: \(added) vs \(withoutClaims)")
        let hba1c = try test.store.read { reader in
            try reader.persons().flatMap { try reader.measurements(of: $0.researchID) }
                .filter { $0.code == "3D046000001906202" }
        }
        #expect(!hba1c.isEmpty && hba1c.allSatisfy { $0.unit == "%" && ($0.number ?? 0) > 3 })
        #expect(try test.store.foreignKeyViolations().isEmpty)
    }

    @Test func aBrokenArchiveIsQuarantinedWholeAndTheOthersAreStored() throws {
        let test = try TestStore()
        let directory = try TemporaryDirectory()
        defer { test.remove(); directory.remove() }
        let writer = CheckupArchiveWriter(sender: "1311234567", receiver: "06139463",
                                          createdOn: try CalendarDate(year: 2024, month: 7, day: 1), unitPrice: 8_000)
        let document = CheckupDocument(
            examinee: .init(insurerNumber: "06139463", symbol: "1", number: "2", branch: "01", kanaName: "ヤマダ タロウ",
                            sex: .male, birthDate: try CalendarDate(year: 1970, month: 1, day: 2), postalCode: nil,
                            address: nil),
            centre: .init(code: "1311234567", name: "センター"), examDate: try CalendarDate(year: 2024, month: 6, day: 3),
            createdOn: try CalendarDate(year: 2024, month: 7, day: 1),
            observations: [.init(itemCode: "9N001000000000001", name: "身長", value: .quantity("170.2", unit: "cm"))])
        let good = directory.file("a/good.zip"), broken = directory.file("b/broken.zip")
        try writer.write([document], to: good)
        try writer.write([document, document], to: broken)
        let bytes = try Data(contentsOf: broken)
        try bytes.prefix(bytes.count - 30).write(to: broken)
        let reports = try Ingestor(store: test.store).ingest(paths: [directory.path])
        #expect(reports.map(\.acceptedNow) == [1, 0] && reports.map(\.quarantinedNow) == [0, 1])
        let entry = try #require(try test.store.read { try $0.quarantine() }.first)
        #expect(entry.problem.contains("ZIP archive") && entry.fileName == broken.path)
    }
}
