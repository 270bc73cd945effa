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

    /// A Bulk Data export: one NDJSON file per resource type, the Patients in their own file. Whatever their names'
    /// order, the Patient file is taken first and the others land on its persons; alone, a file of Conditions is
    /// refused until its Patients have come.
    @Test func linksABulkExportsFilesThroughThePatientsLogicalIDs() throws {
        let test = try TestStore()
        let directory = try TemporaryDirectory()
        defer { test.remove(); directory.remove() }
        let folder = directory.file("1310000011")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let files = [
            "Patient.ndjson": [
                #"{"resourceType": "Patient", "id": "a", "gender": "female", "birthDate": "1950-03-04", "name": [{"text": "ヤマダ ハナコ"}]}"#,
                #"{"resourceType": "Patient", "id": "b", "gender": "male", "birthDate": "1961-07-08", "name": [{"text": "サトウ イチロウ"}]}"#,
            ],
            "Condition.ndjson": [
                #"{"resourceType": "Condition", "id": "c1", "subject": {"reference": "Patient/a"}, "code": {"coding": [{"system": "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/masterB-disease", "code": "8833421"}]}, "onsetDateTime": "2016-06-01"}"#,
                #"{"resourceType": "Condition", "id": "c2", "subject": {"reference": "Patient/b"}, "code": {"text": "腰痛症"}, "onsetDateTime": "2024-04-01"}"#,
            ],
            "Encounter.ndjson": [
                #"{"resourceType": "Encounter", "id": "e1", "class": {"code": "AMB"}, "subject": {"reference": "Patient/a"}, "period": {"start": "2024-05-10"}}"#,
            ],
        ]
        for (name, lines) in files {
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent(name))
        }
        let early = Ingestor(store: test.store).ingest(file: folder.appendingPathComponent("Condition.ndjson").path)
        #expect(early.status == .failed && early.message?.contains("ingest the file with that Patient first") == true)
        let reports = try Ingestor(store: test.store).ingest(paths: [folder.path])
        #expect(reports.map { ($0.file as NSString).lastPathComponent } == ["Patient.ndjson", "Condition.ndjson", "Encounter.ndjson"])
        #expect(reports.allSatisfy { $0.status == .ingested && $0.quarantinedNow == 0 })
        let persons = try test.store.read { try $0.persons() }
        #expect(persons.count == 2)
        let hanako = try #require(persons.first { $0.sex == .female }?.researchID)
        let summary = try test.store.read { try $0.summary(of: hanako) }
        #expect(summary.diagnoses.map(\.code) == ["8833421"])
        #expect(try test.store.read { try $0.visits(of: hanako) }.count == 1)
    }
}
