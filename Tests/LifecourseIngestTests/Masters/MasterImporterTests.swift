import Foundation
import LifecourseCore
import LifecourseFormats
import LifecourseStore
import LifecourseTesting
import Testing
@testable import LifecourseIngest

@Suite struct MasterImporterTests {
    @Test func loadsEveryMasterOnceAndSkipsOtherFiles() throws {
        let test = try TestStore()
        defer { test.remove() }
        let importer = MasterImporter(store: test.store)
        let reports = try importer.load(paths: [Fixtures.masters.path])
        let byFile = Dictionary(uniqueKeysWithValues: reports.map { (URL(fileURLWithPath: $0.file).lastPathComponent, $0) })
        #expect(byFile["LICENSE-receiptisan.txt"]?.status == .skipped)
        #expect(byFile["c_ALL20250307.csv"]?.rowsLoaded == 3857)
        #expect(reports.filter { $0.status == .loaded }.count == 8)
        #expect(reports.allSatisfy { $0.problemCount == 0 })
        let counts = try test.store.read { try $0.masterCodeCounts() }
        #expect(counts == ["b": 5, "s": 5, "y": 4, "t": 1344, "z": 2359, "c": 3857])
        let again = try importer.load(paths: [Fixtures.masters.path])
        #expect(again.filter { $0.status == .alreadyLoaded }.count == 8)
    }

    @Test func keepsEveryVersionAndNamesACodeAsOnTheDay() throws {
        let test = try TestStore()
        let directory = try TemporaryDirectory()
        defer { test.remove(); directory.remove() }
        let text = try String(contentsOf: Fixtures.master("t_ALL00000000.csv"), encoding: .shiftJIS)
        let older = directory.file("t_2020.csv")
        let renamed = text.replacingOccurrences(of: "\"半切\"", with: "\"半切旧\"")
            .replacingOccurrences(of: "\"20220401\"", with: "\"20200401\"")
        try Data(renamed.data(using: .shiftJIS)!).write(to: older)
        let reports = try MasterImporter(store: test.store).load(paths: [older.path, Fixtures.master("t_ALL00000000.csv").path])
        #expect(reports.map(\.status) == [.loaded, .loaded])
        let names = try test.store.read { reader in
            try ["2021-01-01", "2023-01-01", nil, "2019-01-01"].map { day in
                try reader.masterCode(kind: "t", code: "700010000", on: try day.map { try CalendarDate(iso: $0) })?.name
            }
        }
        #expect(names == ["半切旧", "半切", "半切", "半切"], "before every version, the latest names the code")
    }

    @Test func reportsTheCodesOfIngestedClaimsThatNoMasterKnows() throws {
        let test = try TestStore()
        defer { test.remove() }
        #expect(Ingestor(store: test.store).ingest(file: Fixtures.outpatientClaims.path).status == .ingested)
        let before = try test.store.read { try $0.missingMasterCodes() }
        #expect(before.contains { $0.kind == "b" && $0.code == "0000999" })
        _ = try MasterImporter(store: test.store).load(paths: [Fixtures.masters.path])
        let after = try test.store.read { try $0.missingMasterCodes() }
        #expect(!after.contains { $0.kind == "b" && $0.code == "0000999" })
        #expect(after.contains { $0.kind == "s" }, "the sample s master has five codes only")
        #expect(after.count < before.count)
        #expect(after.map(\.rows) == after.map(\.rows).sorted(by: >))
        let rows = try test.store.read { reader in
            try reader.persons().map { try reader.summary(of: $0.researchID) }
        }
        let named = rows.flatMap(\.diagnoses).filter { $0.code == "0000999" }
        #expect(!named.isEmpty && named.allSatisfy { $0.name != nil }, "uncoded diagnoses keep the name the claim wrote")
    }
}
