import Foundation
import LifecourseCore
import LifecourseIngest
import LifecourseStore
import LifecourseSynth
import LifecourseTesting
import Testing
@testable import LifecourseLinkage

@Suite struct VaultLinkageTests {
    /// A generated population's claims, care and death files, by month of service (`2024MM`).
    static func population(in directory: TemporaryDirectory, persons: Int, seed: UInt64) throws -> [String: [String]] {
        let config = SynthConfig(persons: persons, seed: seed, firstYear: 2024, lastYear: 2024, prefectures: [13],
                                 outputs: [.claims, .care, .deaths])
        _ = try SynthGenerator(config: config).run(to: directory.url)
        var months = [String: [String]]()
        let files = FileManager.default.enumerator(at: directory.url, includingPropertiesForKeys: nil)!
        for case let file as URL in files where !file.hasDirectoryPath && !file.path.contains("/truth/") {
            let names = file.pathComponents.dropLast() + [file.deletingPathExtension().lastPathComponent]
            guard let month = names.first(where: { $0.count == 6 && $0.hasPrefix("2024") }) else { continue }
            months[month, default: []].append(file.path)
        }
        return months.mapValues { $0.sorted() }
    }

    /// The clusters of identities (each identity by its record key), whatever the research IDs are called.
    static func clusters(_ store: SQLiteStore) throws -> Set<Set<Data>> {
        let identities = try store.read { try $0.identities(after: 0, limit: .max) }
        return Set(Dictionary(grouping: identities, by: \.person).values.map { Set($0.map(\.recordKey)) })
    }

    @Test func tenMonthlyBatchesLinkedOneByOneGiveWhatOneFullRunGives() throws {
        let directory = try TemporaryDirectory()
        let incremental = try TestStore(), full = try TestStore()
        defer { directory.remove(); incremental.remove(); full.remove() }
        let months = try Self.population(in: directory, persons: 500, seed: 61)
        let batches = (1...10).map { months[String(format: "2024%02d", $0)] ?? [] }
        // One store links after every month, the other once at the end, with the model the first trained.
        var runs = [LinkRunRecord]()
        for batch in batches {
            _ = try Ingestor(store: incremental.store).ingest(paths: batch)
            runs.append(try VaultLinkage(store: incremental.store).run())
        }
        #expect(runs.map(\.mode) == ["full"] + Array(repeating: "incremental", count: 9))
        #expect(runs.reduce(0) { $0 + $1.merges } > 0, "the probabilistic tier found persons exact keys missed")
        #expect(runs.dropFirst().allSatisfy { $0.identities < runs.last!.lastIdentity },
                "an incremental run clusters what it touches, not everything")
        let model = try #require(try incremental.store.read { try $0.latestLinkModel() })
        for batch in batches { _ = try Ingestor(store: full.store).ingest(paths: batch) }
        try full.store.write { _ = try $0.saveLinkModel(model.parameters, identities: 0) }
        let once = try VaultLinkage(store: full.store).run()
        #expect(once.mode == "full" && once.modelVersion == 1)
        #expect(try Self.clusters(incremental.store) == Self.clusters(full.store))
        #expect(try incremental.store.foreignKeyViolations().isEmpty)
    }

    @Test func aRunWithNothingNewChangesNothing() throws {
        let directory = try TemporaryDirectory(), test = try TestStore()
        defer { directory.remove(); test.remove() }
        let months = try Self.population(in: directory, persons: 200, seed: 5)
        _ = try Ingestor(store: test.store).ingest(paths: months.values.flatMap { $0 }.sorted())
        let first = try VaultLinkage(store: test.store).run()
        let before = try Self.clusters(test.store)
        let again = try VaultLinkage(store: test.store).run()
        #expect(first.identities > 0 && again.identities == 0 && again.pairsScored == 0 && again.merges == 0)
        let relink = try VaultLinkage(store: test.store, settings: .init(full: true)).run()
        #expect(relink.mode == "full" && relink.merges == 0 && relink.splits == 0)
        #expect(try Self.clusters(test.store) == before)
    }

    /// Research IDs are never reused: a merged ID redirects to the survivor, and rows follow their person.
    @Test func aMergeKeepsTheOlderIDAndRedirectsTheOther() throws {
        let directory = try TemporaryDirectory(), test = try TestStore()
        defer { directory.remove(); test.remove() }
        let months = try Self.population(in: directory, persons: 300, seed: 9)
        _ = try Ingestor(store: test.store).ingest(paths: months.values.flatMap { $0 }.sorted())
        let before = try test.store.read { try $0.persons() }
        let run = try VaultLinkage(store: test.store).run()
        let after = try test.store.read { try $0.persons() }
        #expect(run.merges > 0 && after.count == before.count - run.merges)
        #expect(after.reduce(0) { $0 + $1.rows } == before.reduce(0) { $0 + $1.rows }, "no row is lost or left behind")
        let merges = try test.store.read { try $0.auditEvents(action: "merge") }
        #expect(merges.count == run.merges && merges.allSatisfy { $0.actor == "lifecourse link" })
        try test.store.read { reader in
            for person in before.map(\.researchID) where !after.contains(where: { $0.researchID == person }) {
                let status = try #require(try reader.researchIDStatus(person))
                #expect(status.status == "merged")
                let survivor = try #require(try reader.currentResearchID(person))
                #expect(after.contains { $0.researchID == survivor })
                let events = try reader.linkEvents(of: person)
                #expect(events.contains { $0.kind == .merge && $0.to == survivor && $0.modelVersion == 1 })
                #expect(events.contains { $0.kind == .link && $0.source == "probabilistic" && ($0.probability ?? 0) >= 0.99 })
            }
        }
        #expect(try test.store.foreignKeyViolations().isEmpty)
    }
}
