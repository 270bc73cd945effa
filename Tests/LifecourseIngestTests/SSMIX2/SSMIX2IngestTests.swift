import Foundation
import LifecourseCore
import LifecourseFormats
import LifecourseStore
import LifecourseSynth
import LifecourseTesting
import Testing
@testable import LifecourseIngest

/// SS-MIX2 storage walked as a folder: every valid message stored under its patient, superseded files ignored,
/// misplaced ones reported, broken ones quarantined, and a second walk reading only what is new.
@Suite struct SSMIX2IngestTests {
    static let hospital = try! InstitutionCode("2210000011")

    /// The fixture storage, copied under a folder named by the hospital's code (as the generator keeps storages).
    static func storage(in directory: TemporaryDirectory) throws -> URL {
        let root = directory.file(hospital.code)
        try FileManager.default.copyItem(at: Fixtures.ssmix2Root, to: root)
        return root
    }

    static func reports(_ reports: [IngestReport], _ status: IngestReport.Status) -> [IngestReport] {
        reports.filter { $0.status == status }
    }

    @Test func storesEveryValidMessageIgnoresSupersededFilesAndReportsMisplacedOnes() throws {
        let test = try TestStore()
        let directory = try TemporaryDirectory()
        defer { test.remove(); directory.remove() }
        let root = try Self.storage(in: directory)
        let reports = try Ingestor(store: test.store).ingest(paths: [root.path])
        let ingested = Self.reports(reports, .ingested)
        #expect(ingested.count == 20, "19 files of 9999013 and one of 0000001")
        #expect(ingested.filter { $0.receipt?.unitsAccepted == 1 }.count == 19)
        let ignored = Self.reports(reports, .ignored)
        #expect(ignored.count == 1 && ignored[0].file.hasSuffix("_0") && ignored[0].message?.contains("flag 0") == true)
        let failed = Self.reports(reports, .failed)
        #expect(failed.count == 1)
        #expect(failed.first?.message?.contains("names patient 9999013 but sits in the folder of patient 0000001") == true)
        // The valid-looking file of 0000001 has an administration without a drug code: quarantined with its place.
        let broken = try #require(ingested.first { $0.file.contains("/0000001_") })
        #expect(broken.receipt?.unitsQuarantined == 1)
        let entry = try #require(try test.store.read { try $0.quarantine() }.first)
        #expect(entry.problem.contains("RXA-5") && entry.problemLine == 27 && entry.problemColumn == 5)
        // The sample's messages name other patients in PID-3 and misspell the character set: read, with warnings.
        let laboratory = try #require(ingested.first { $0.file.hasSuffix("_20111220103059000_01_1") })
        #expect(laboratory.receipt?.warnings.contains { $0.contains("PID-3 names patient 0001000052") } == true)
        let given = try #require(ingested.first { $0.file.contains("20110630/OMP-11/") })
        #expect(given.receipt?.warnings.contains { $0.contains("MSH-18 declares the character set 'ISOIR87'") } == true)
        let patient = try #require(ingested.first { $0.file.contains("/ADT-00/") })
        #expect(patient.receipt?.warnings.isEmpty == true)
        #expect(try test.store.foreignKeyViolations().isEmpty)
    }

    @Test func mapsMessagesIntoTheResearchStoreAndKeepsTheRestInTheVault() throws {
        let test = try TestStore()
        let directory = try TemporaryDirectory()
        defer { test.remove(); directory.remove() }
        let root = try Self.storage(in: directory)
        _ = try Ingestor(store: test.store).ingest(paths: [root.path])
        let persons = try test.store.read { try $0.persons() }.map(\.researchID)
        var measurements = [StoredMeasurement](), observations = [StoredObservation](), visits = [StoredVisit]()
        var kept = [KeptRecord]()
        for person in persons {
            try test.store.read { reader in
                measurements += try reader.measurements(of: person)
                observations += try reader.observations(of: person)
                visits += try reader.visits(of: person)
            }
            kept += try test.store.read { try $0.keptRecords(of: person) }
        }
        #expect(measurements.contains { $0.code == "3A016000002327102" && $0.number == 1.7 && $0.vocabulary == "jlac10" })
        #expect(measurements.contains { $0.code == "9N001000000000001" && $0.number == 167.8 && $0.unit == "cm" })
        #expect(observations.filter { $0.category.hasPrefix("allergy") }.count == 5)
        #expect(visits.filter(\.isInpatient).compactMap(\.sourceValue).sorted() == ["ADT-22", "ADT-52"],
                "the sample's admission and discharge name two birth dates: two persons")
        // Imaging, meals, transfers and orders without results are kept whole, encrypted, with the person.
        #expect(Set(kept.map(\.recordType)).isSuperset(of: ["OMG-01", "OMD", "ADT-42", "OML-01"]))
        #expect(kept.contains { $0.recordType == "allergy-reaction" && $0.text == "目のかゆみ" })
        #expect(!(try test.allBytes()).contains(bytes: Array("目のかゆみ".utf8)), "free text stays sealed")
    }

    @Test func aSecondWalkReadsOnlyNewFiles() throws {
        let test = try TestStore()
        let directory = try TemporaryDirectory()
        defer { test.remove(); directory.remove() }
        let root = try Self.storage(in: directory)
        let ingestor = Ingestor(store: test.store)
        _ = try ingestor.ingest(paths: [root.path])
        let before = try test.store.read { try $0.contentDigests() }
        let again = try ingestor.ingest(paths: [root.path])
        #expect(Self.reports(again, .unchanged).count == 20)
        #expect(Self.reports(again, .ingested).isEmpty)
        #expect(try test.store.read { try $0.contentDigests() } == before)
        // A new message of the day: only it is read.
        let day = root.appendingPathComponent("999/901/9999013/20111220/OML-11")
        let old = day.appendingPathComponent("9999013_20111220_OML-11_000000011000354_20111220103059000_01_1")
        let new = day.appendingPathComponent("9999013_20111220_OML-11_000000011000355_20111220113059000_01_1")
        var bytes = try Data(contentsOf: old)
        bytes.append(contentsOf: Array("\r".utf8))
        try bytes.write(to: new)
        let third = try ingestor.ingest(paths: [root.path])
        #expect(Self.reports(third, .ingested).map(\.file) == [new.path])
        #expect(Self.reports(third, .unchanged).count == 20)
    }

    @Test func quarantinesACutMessageAndStoresTheRest() throws {
        let test = try TestStore()
        let directory = try TemporaryDirectory()
        defer { test.remove(); directory.remove() }
        let root = try Self.storage(in: directory)
        let file = root.appendingPathComponent(
            "999/901/9999013/20110701/OMP-01/9999013_20110701_OMP-01_000000011000185_20110701224603984_01_1")
        // Cut inside a two-byte character: the message ends in the middle of JIS X 0208 text.
        let bytes = try Data(contentsOf: file)
        let escape = try #require(bytes.indices.last { bytes[$0] == 0x1B && bytes[$0 + 1] == 0x24 })
        try bytes.prefix(escape + 4).write(to: file)
        let reports = try Ingestor(store: test.store).ingest(paths: [root.path])
        let cut = try #require(reports.first { $0.file == file.path })
        #expect(cut.status == .ingested && cut.receipt?.unitsQuarantined == 1 && cut.receipt?.unitsAccepted == 0)
        #expect(Self.reports(reports, .ingested).count == 20)
        let entry = try #require(try test.store.read { try $0.quarantine() }.first { $0.fileName == file.path })
        #expect(entry.problem.contains("ends inside a character"), "\(entry.problem)")
        #expect(entry.problemLine != nil && entry.firstLine == 1)
    }

    @Test func aDischargeEndsTheStayItsAdmissionBegan() throws {
        let test = try TestStore()
        let directory = try TemporaryDirectory()
        defer { test.remove(); directory.remove() }
        let patient = SSMIX2Patient(id: "0012345", familyName: "山田", givenName: "花子", familyKana: "ヤマダ",
                                    givenKana: "ハナコ", birthDate: try CalendarDate(iso: "1950-03-04"), sex: .female,
                                    postalCode: "100-0001", address: "東京都千代田区千代田1")
        let messages = SSMIX2Messages(facility: Self.hospital.code)
        let admitted = try CalendarDate(iso: "2024-05-10"), discharged = try CalendarDate(iso: "2024-05-24")
        let root = directory.url.appendingPathComponent(Self.hospital.code)
        for (message, type, day, time) in [
            (messages.stay(patient, admitted: admitted, discharged: nil, control: "1", timestamp: "20240510090000000"),
             SSMIX2Path.DataType.admission, admitted, "20240510090000000"),
            (messages.stay(patient, admitted: admitted, discharged: discharged, control: "2", timestamp: "20240524100000000"),
             .discharge, discharged, "20240524100000000"),
        ] {
            let path = SSMIX2Path(patientID: patient.id, day: day, type: type, orderNumber: "000000000000001",
                                  timestamp: time, department: "01")
            let file = root.appendingPathComponent(path.relativePath)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(try ISO2022JPEncoder().encode(message.text)).write(to: file)
        }
        let reports = try Ingestor(store: test.store).ingest(paths: [root.path])
        #expect(reports.allSatisfy { $0.status == .ingested && $0.receipt?.unitsAccepted == 1 })
        let person = try #require(try test.store.read { try $0.persons() }.first?.researchID)
        let visits = try test.store.read { try $0.visits(of: person) }
        #expect(visits.count == 1)
        #expect(visits.first?.isInpatient == true && visits.first?.startDate == "2024-05-10" && visits.first?.endDate == "2024-05-24")
    }

    @Test func needsTheHospitalWhenNeitherTheCommandNorTheStorageNamesIt() throws {
        let test = try TestStore()
        defer { test.remove() }
        let file = Fixtures.ssmix2Root.appendingPathComponent(
            "999/901/9999013/-/ADT-00/9999013_-_ADT-00_999999999999999_20111220224447339_-_1")
        let report = Ingestor(store: test.store).ingest(file: file.path)
        #expect(report.status == .failed)
        #expect(report.message?.contains("--institution") == true)
        var named = Ingestor(store: test.store)
        named.institution = Self.hospital
        let stored = named.ingest(file: file.path)
        #expect(stored.status == .ingested && stored.receipt?.unitsAccepted == 1)
    }

    /// The generator's storages (one per hospital, under its code) ingest whole, and every message lands on the
    /// person the hospital's claims were linked to: its patient ID is the claims' カルテ番号.
    @Test func generatedStoragesJoinTheirHospitalsClaimsPersons() throws {
        let test = try TestStore()
        let output = try TemporaryDirectory()
        defer { test.remove(); output.remove() }
        let config = SynthConfig(persons: 600, seed: 33, firstYear: 2024, lastYear: 2024, prefectures: [13],
                                 outputs: [.claims, .ssmix2])
        let summary = try SynthGenerator(config: config).run(to: output.url)
        #expect(summary.ssmix2Files > 100)
        let ingestor = Ingestor(store: test.store)
        let claims = try ingestor.ingest(paths: [output.file("claims").path])
        #expect(claims.allSatisfy { $0.status == .ingested && $0.quarantinedNow == 0 })
        let personsFromClaims = try test.store.read { try $0.persons() }.count
        let records = try ingestor.ingest(paths: [output.file("ssmix2").path])
        #expect(records.count == summary.ssmix2Files)
        #expect(records.allSatisfy { $0.status == .ingested && $0.acceptedNow == 1 }, "\(records.filter { $0.acceptedNow != 1 }.prefix(3))")
        #expect(records.allSatisfy { $0.receipt?.warnings.isEmpty == true })
        #expect(try test.store.read { try $0.persons() }.count == personsFromClaims,
                "no message started a person of its own")
        let persons = try test.store.read { try $0.persons() }.map(\.researchID)
        let measured = try persons.filter { person in try !test.store.read { try $0.measurements(of: person) }.isEmpty }
        #expect(!measured.isEmpty, "laboratory results reached the persons")
        #expect(try test.store.foreignKeyViolations().isEmpty)
    }
}
