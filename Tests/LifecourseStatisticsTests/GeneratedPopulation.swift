import Foundation
import LifecourseIngest
import LifecourseStore
import LifecourseSynth
import LifecourseTesting

/// One generated population for the statistics tests, generated and ingested once per test run: a year of
/// claims, checkups and care records of 100,000 persons in three prefectures (the check), or as many as
/// `LIFECOURSE_STATS_TEST_PERSONS` says (`LIFECOURSE_STATS_TEST_PERSONS=3000 swift test --filter Statistics` for a
/// quick run). It lives as long as the test process; the next run removes what earlier runs left.
final class GeneratedPopulation: Sendable {
    /// The population, made at first use on a thread of its own, so that the minutes it takes hold up only the
    /// tests that need it (a test blocked in a lazy `static let` would hold one of the few threads every test
    /// shares); a failure fails every test that uses it, with its message.
    static func shared() async throws -> GeneratedPopulation { try await made.value }

    private static let made = Task {
        try await onOwnThread {
            try GeneratedPopulation(persons: ProcessInfo.processInfo.environment["LIFECOURSE_STATS_TEST_PERSONS"].flatMap { Int($0) } ?? 100_000,
                                    seed: 2024)
        }
    }

    private static func onOwnThread<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
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
        try FileManager.default.removeItem(at: files)  // half a gigabyte at 100,000 persons, no longer needed
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
