import Foundation
import LifecourseCore
import LifecourseFormats
import LifecourseLinkage
import LifecourseStore
import LifecourseTesting
import Synchronization
import Testing
@testable import LifecourseIngest

@Suite struct LinkCacheTests {
    /// The deterministic linker, counting its calls.
    final class CountingLinker: PersonLinker {
        let calls = Mutex(0)
        func link(_ identity: PersonIdentity, from source: IdentitySource, in vault: some IdentityVault) throws -> LinkDecision {
            calls.withLock { $0 += 1 }
            return try DeterministicLinker().link(identity, from: source, in: vault)
        }
    }

    @Test func aPatientSeenAgainInTheRunIsLinkedOnceAndToTheSamePerson() throws {
        let test = try TestStore()
        let directory = try TemporaryDirectory()
        defer { test.remove(); directory.remove() }
        // The fixture and a copy with one byte changed at the end (another file, the same 75 claims).
        var copy = try Fixtures.bytes(Fixtures.outpatientClaims)
        copy.insert(0x1A, at: copy.count)
        let second = directory.file("COPY.UKE")
        try Data(copy).write(to: second)
        let linker = CountingLinker()
        let reports = try Ingestor(store: test.store, linker: linker).ingest(paths: [Fixtures.outpatientClaims.path, second.path])
        #expect(reports.map(\.status) == [.ingested, .ingested])
        #expect(linker.calls.withLock { $0 } == 75, "the second file's 75 claims come from the cache")
        let persons = try test.store.read { try $0.persons() }
        #expect(persons.count == 67)
        #expect(persons.reduce(0) { $0 + $1.claims } == 150)
    }

    @Test func aKeyIsTheSameForTheSameIdentityFromTheSameSourceOnly() throws {
        let taro = PersonIdentity(name: "山田　太郎", kanaName: "ヤマダ　タロウ", birthDate: try CalendarDate(iso: "1950-04-01"),
                                  sex: .male, patientNumber: "00123")
        var other = taro
        other.patientNumber = "00124"
        let key = LinkCache.Key(format: "claims-medical", sender: "1310000011", identity: taro)
        #expect(key == LinkCache.Key(format: "claims-medical", sender: "1310000011", identity: taro))
        #expect(key != LinkCache.Key(format: "claims-medical", sender: "1310000011", identity: other))
        #expect(key != LinkCache.Key(format: "claims-pharmacy", sender: "1310000011", identity: taro))
        #expect(key != LinkCache.Key(format: "claims-medical", sender: "1310000012", identity: taro))
        // 100,000 different identities give 100,000 different keys.
        let keys = Set((0..<100_000).map { number in
            LinkCache.Key(format: "claims-medical", sender: "1310000011",
                          identity: PersonIdentity(name: "山田　太郎", patientNumber: String(number)))
        })
        #expect(keys.count == 100_000)
    }

    @Test func linksFollowTheFileAndTheBatchTheyWereMadeIn() throws {
        let cache = LinkCache()
        func key(_ name: String) -> LinkCache.Key {
            LinkCache.Key(format: "claims-medical", sender: "1310000011", identity: PersonIdentity(name: name))
        }
        let person = LinkedIdentity(person: try ResearchID(rawValue: 7), identity: 3)
        cache.remember(person, for: key("山田　太郎"))
        #expect(cache.person(for: key("山田　太郎")) == person, "seen inside the file's savepoint")
        cache.fileFailed()
        #expect(cache.person(for: key("山田　太郎")) == nil, "the file was rolled back")
        cache.remember(person, for: key("山田　太郎"))
        cache.fileStored()
        cache.remember(person, for: key("山田　花子"))
        cache.discard()
        #expect(cache.person(for: key("山田　太郎")) == nil, "the batch was rolled back")
        #expect(cache.person(for: key("山田　花子")) == nil)
        cache.remember(person, for: key("山田　太郎"))
        cache.fileStored()
        cache.commit()
        cache.discard()
        #expect(cache.person(for: key("山田　太郎")) == person, "committed links stay")
    }
}
