import Foundation
import LifecourseCore
import LifecourseFormats
import LifecourseStore
import LifecourseSynth
import LifecourseTesting
import Testing
@testable import LifecourseIngest

/// Clinics' JP Core bundles land on the persons of their claims (the Coverage's card with its 枝番), their visits,
/// conditions and prescriptions in the research store.
@Suite struct FHIRIngestTests {
    @Test func generatedBundlesJoinTheirPatientsClaimsPersons() throws {
        let test = try TestStore()
        let output = try TemporaryDirectory()
        defer { test.remove(); output.remove() }
        let config = SynthConfig(persons: 600, seed: 33, firstYear: 2024, lastYear: 2024, prefectures: [13],
                                 outputs: [.claims, .fhir])
        _ = try SynthGenerator(config: config).run(to: output.url)
        let ingestor = Ingestor(store: test.store)
        _ = try ingestor.ingest(paths: [output.file("claims").path])
        let before = try test.store.read { try $0.persons() }.count
        let reports = try ingestor.ingest(paths: [output.file("fhir").path])
        #expect(!reports.isEmpty)
        #expect(reports.allSatisfy { $0.status == .ingested && $0.quarantinedNow == 0 && $0.acceptedNow >= 2 })
        #expect(try test.store.read { try $0.persons() }.count == before, "every patient was found among the claims' persons")
        let drugs = try test.store.read { reader in
            try reader.persons().flatMap { try reader.summary(of: $0.researchID).months.flatMap(\.drugs) }
        }
        #expect(drugs.contains { $0.code.count == 9 && $0.code.hasPrefix("1") }, "HOT9 codes of the bundles")
        #expect(try test.store.foreignKeyViolations().isEmpty)
    }
}
