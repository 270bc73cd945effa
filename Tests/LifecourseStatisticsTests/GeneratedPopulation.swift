import Foundation
import LifecourseIngest
import LifecourseStore
import LifecourseSynth
import LifecourseTesting

/// One generated population for the statistics tests, generated and ingested once per test run: a year of
/// claims, checkups and care records of 3,000 persons in three prefectures, or as many as
/// `LIFECOURSE_STATS_TEST_PERSONS` says (the check at 100,000 persons: `LIFECOURSE_STATS_TEST_PERSONS=100000
/// swift test --filter StatisticsEngineTests`). It lives as long as the test process; the next run removes what
/// earlier runs left.
final class GeneratedPopulation: Sendable {
    /// Made at first use; a failure fails every test that uses it, with its message.
    static let shared = Result {
        try GeneratedPopulation(persons: ProcessInfo.processInfo.environment["LIFECOURSE_STATS_TEST_PERSONS"].flatMap { Int($0) } ?? 3_000,
                                seed: 2024)
    }
    static let prefix = "lifecourse-stats-population"

    let directory: TemporaryDirectory
    let store: SQLiteStore

    init(persons: Int, seed: UInt64) throws {
        Self.removeEarlierRuns()
        directory = try TemporaryDirectory(Self.prefix)
        let files = directory.file("files")
        let config = SynthConfig(persons: persons, seed: seed, firstYear: 2024, lastYear: 2024, prefectures: [13, 14, 27],
                                 outputs: [.claims, .checkups, .care])
        _ = try SynthGenerator(config: config).run(to: files)
        try FileManager.default.createDirectory(at: directory.file("store"), withIntermediateDirectories: true)
        store = try SQLiteStore.open(directory: directory.file("store"), key: TestStore.key)
        let folders = try FileManager.default.contentsOfDirectory(atPath: files.path)
            .filter { $0 != "truth" && !$0.hasSuffix(".json") }.map { files.appendingPathComponent($0).path }
        _ = try Ingestor(store: store).ingest(paths: folders)
    }

    /// Rows of a plain SELECT over the research zone, each value as text (nil for NULL).
    func rows(_ sql: String) throws -> [[String?]] {
        try store.read { reader in try reader.aggregate(sql, arguments: []) }.map { $0.map(\.text) }
    }

    private static func removeEarlierRuns() {
        let temporary = FileManager.default.temporaryDirectory
        let names = (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        for name in names where name.hasPrefix(prefix) {
            let url = temporary.appendingPathComponent(name)
            let modified = (try? url.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate
            if let modified, modified.timeIntervalSinceNow < -3_600 { try? FileManager.default.removeItem(at: url) }
        }
    }
}
