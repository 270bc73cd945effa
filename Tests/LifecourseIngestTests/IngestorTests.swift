import Foundation
import LifecourseCore
import LifecourseFormats
import LifecourseLinkage
@testable import LifecourseStore
import LifecourseSynth
import LifecourseTesting
import Synchronization
import Testing
@testable import LifecourseIngest

@Suite struct IngestorTests {
    @Test func acceptsEveryClaimOfTheFixture() throws {
        let test = try TestStore()
        defer { test.remove() }
        let report = Ingestor(store: test.store).ingest(file: Fixtures.outpatientClaims.path)
        #expect(report.status == .ingested)
        let receipt = try #require(report.receipt)
        #expect(receipt.unitsRead == 75)
        #expect(receipt.unitsAccepted == 75)
        #expect(receipt.unitsQuarantined == 0)
        #expect(receipt.recordsRead == 636)
        #expect(receipt.institution == "1210000000")
        #expect(receipt.warnings.isEmpty)
        #expect(receipt.sha256 == (try FileDigest.sha256(path: Fixtures.outpatientClaims.path)).map { String(format: "%02x", $0) }.joined())
        let digests = try test.store.read { try $0.contentDigests() }
        #expect(digests["research.claim"]?.rows == 75)
        #expect(digests["research.person"]?.rows == 67)
        // Every HO and KO record is a cost row; the GO record says 140 of them and 86,392 main-payer points.
        let costs = try test.store.read { try $0.costTotals(fileDigest: try FileDigest.sha256(path: Fixtures.outpatientClaims.path)) }
        #expect(costs.rows == 140 && costs.firstPayerPoints == 86_392)
        #expect(digests["research.condition_occurrence"]?.rows == 9)
        #expect(digests["research.drug_exposure"]?.rows == 32)
        #expect(digests["research.procedure_occurrence"]?.rows == 320)
        #expect(digests["research.note"]?.rows == 56)
        #expect(digests["governance.receipt"]?.rows == 1)
        // Stored without SQLite's foreign-key checks: every key points to its row all the same.
        #expect(try test.store.foreignKeyViolations().isEmpty)
    }

    @Test func changesNothingWhenTheSameFileComesAgain() throws {
        let test = try TestStore()
        defer { test.remove() }
        let ingestor = Ingestor(store: test.store)
        _ = ingestor.ingest(file: Fixtures.outpatientClaims.path)
        let before = try test.store.read { try $0.contentDigests() }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let renamed = directory.file("RENAMED.UKE")
        try FileManager.default.copyItem(at: Fixtures.outpatientClaims, to: renamed)
        // The same path is not read again; the same bytes under another name are hashed and recognised.
        for (path, status) in [(Fixtures.outpatientClaims.path, IngestReport.Status.unchanged), (renamed.path, .alreadyReceived)] {
            let again = ingestor.ingest(file: path)
            #expect(again.status == status)
            #expect(again.receipt?.id == 1)
        }
        // Only the new path is remembered, for the next time.
        var after = try test.store.read { try $0.contentDigests() }
        #expect(after.removeValue(forKey: "governance.received_path")?.rows == 2)
        #expect(after == before.filter { $0.key != "governance.received_path" })
    }

    @Test func quarantinesExactlyTheBrokenClaimWithItsLine() throws {
        let test = try TestStore()
        defer { test.remove() }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (file, line) = try ClaimsVariants.withBrokenLine(in: directory, matching: "SY,8848176",
                                                             replacement: "SY,8848176,20211345,1,8070,,01,")
        let report = Ingestor(store: test.store).ingest(file: file.path)
        #expect(report.receipt?.unitsAccepted == 74)
        #expect(report.receipt?.unitsQuarantined == 1)
        let entries = try test.store.read { try $0.quarantine(includeRaw: true) }
        #expect(entries.count == 1)
        #expect(entries[0].problemLine == line)
        #expect(entries[0].problemColumn == 3)
        #expect(entries[0].firstLine == line - 3)  // the RE of claim 2
        #expect(entries[0].problem.contains("診療開始日"))
        #expect(entries[0].rawText?.contains("RE,2,1112,202110,カキクケコ") == true)
        let claims = try test.store.read { try $0.contentDigests() }["research.claim"]?.rows
        #expect(claims == 74)
    }

    @Test func storesNoNameKanaOrCardNumberInPlainBytes() throws {
        let test = try TestStore()
        defer { test.remove() }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (broken, _) = try ClaimsVariants.withBrokenLine(in: directory, matching: "SY,8848176",
                                                            replacement: "SY,8848176,20211345,1,8070,,01,")
        let ingestor = Ingestor(store: test.store)
        _ = ingestor.ingest(file: Fixtures.outpatientClaims.path)
        _ = ingestor.ingest(file: broken.path)
        let secrets = try Self.identitiesInFixture()
        #expect(secrets.count > 80)
        let bytes = Data(try test.allBytes())
        let found = secrets.filter { bytes.range(of: Data($0.utf8)) != nil }
        #expect(found.isEmpty, "found in plain bytes: \(found.prefix(10))")
    }

    /// Every name and kana name of the fixture (as written and normalized), and every card symbol, card
    /// number, insurer number and recipient number as written (three characters or more) and as digits (six
    /// or more: shorter digit runs such as `123` occur in any table of points and codes).
    static func identitiesInFixture() throws -> Set<String> {
        var decoder = ClaimsFileDecoder(fileName: "fixture")
        var values = Set<String>()
        for event in decoder.decode(try Fixtures.bytes(Fixtures.outpatientClaims)) + decoder.finish() {
            guard case .claim(let claim) = event else { continue }
            let identity = claim.identity
            for name in [identity.name, identity.kanaName].compactMap({ $0 }) {
                values.formUnion([name, JapaneseText.nfkc(name)])
            }
            var numbers: [String?] = identity.insuranceCards.flatMap { [$0.insurerNumber, $0.symbol, $0.number] }
            numbers += identity.publicExpenseCards.flatMap { [$0.payerNumber, $0.recipientNumber] }
            for number in numbers.compactMap({ $0 }) where !number.allSatisfy({ $0 == "0" }) {
                if number.count >= 3 { values.insert(number) }
                let folded = JapaneseText.cardNumber(number)
                if folded.count >= 6 { values.insert(folded) }
            }
        }
        return values
    }

    @Test func summarizesTheFirstPatientAsTheFileSaysIt() throws {
        let test = try TestStore()
        defer { test.remove() }
        _ = Ingestor(store: test.store).ingest(file: Fixtures.outpatientClaims.path)
        let summary = try test.store.read { reader in
            let person = try #require(try reader.person(ofClaim: 1, institution: try InstitutionCode("1210000000")))
            return try reader.summary(of: person)
        }
        // RE 1: SY 2500013 (main) from 2021-08-01, two uncoded 0000999 from 2021-09-09, all 継続.
        #expect(summary.diagnoses.map(\.code) == ["2500013", "0000999", "0000999"])
        #expect(summary.diagnoses.map(\.startDate.description) == ["2021-08-01", "2021-09-09", "2021-09-09"])
        #expect(summary.diagnoses.map(\.outcome) == ["継続", "継続", "継続"])
        #expect(summary.diagnoses.map(\.isMain) == [true, false, false])
        #expect(summary.diagnoses[1].name == "テスト")
        #expect(summary.diagnoses[2].name?.hasPrefix("寿限無寿限無") == true)
        let october = try #require(summary.months.first { $0.month.description == "2021-10" })
        #expect(october.drugs.map(\.code) == [
            "620098801", "611170005", "622265501", "620003855", "622038501", "622478201", "620007736", "620003853",
            "641210102", "643310225", "620006489", "622265501", "620000402",
        ])
        #expect(october.drugs[0].category == "22")
        #expect(october.drugs[0].times == 2)
        #expect(october.drugs[2].quantity == 5)
        #expect(october.procedures.map(\.code) == ["111000110", "112007410", "112015570", "150253010", "160081130",
                                                   "160084650"])
        #expect(october.drugs.allSatisfy { $0.date.description == "2021-10-01" })
    }

    @Test func refusesFilesItCannotReadAndStoresNothing() throws {
        let test = try TestStore()
        defer { test.remove() }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.file("notes.txt")
        try Data("hello".utf8).write(to: file)
        let report = Ingestor(store: test.store).ingest(file: file.path)
        #expect(report.status == .failed)
        #expect(report.message?.contains("notes.txt") == true)
        #expect(try test.store.read { try $0.receipts() }.isEmpty)
    }

    @Test func repeatsAnIngestWhoseRowsDidNotAllArrive() throws {
        let clean = try TestStore()
        let damaged = try TestStore()
        defer { clean.remove(); damaged.remove() }
        _ = Ingestor(store: clean.store).ingest(file: Fixtures.outpatientClaims.path)
        _ = Ingestor(store: damaged.store).ingest(file: Fixtures.outpatientClaims.path)
        // As if the research file's commit had been lost while governance's was kept.
        let digest = try FileDigest.sha256(path: Fixtures.outpatientClaims.path)
        try damaged.store.write { try $0.deleteRows(fromFile: digest) }
        let report = Ingestor(store: damaged.store).ingest(file: Fixtures.outpatientClaims.path)
        #expect(report.status == .ingested)
        let cleanDigests = try clean.store.read { try $0.contentDigests() }
        let repaired = try damaged.store.read { try $0.contentDigests() }
        for table in cleanDigests.keys where table.hasPrefix("research.") {
            #expect(repaired[table] == cleanDigests[table], "\(table)")
        }
    }

    @Test func ingestsFoldersFileByFile() throws {
        let test = try TestStore()
        defer { test.remove() }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(at: directory.file("sub"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.outpatientClaims, to: directory.file("sub/A.UKE"))
        try Data("x".utf8).write(to: directory.file("B.txt"))
        var progressed = 0
        let reports = try Ingestor(store: test.store).ingest(paths: [directory.path]) { _ in progressed += 1 }
        #expect(reports.map(\.status) == [.failed, .ingested])
        #expect(progressed > 0)
        #expect(throws: IngestError.self) { try Ingestor(store: test.store).ingest(paths: [directory.file("none").path]) }
    }

    /// The deterministic linker, failing for one file (by its SHA-256) from its `failAt`-th call for that file on,
    /// also when the file is stored again.
    final class FailingLinker: PersonLinker {
        let calls = Mutex(0)
        let file: Data
        let failAt: Int
        init(file: Data, failAt: Int) {
            self.file = file
            self.failAt = failAt
        }
        func link(_ identity: PersonIdentity, from source: IdentitySource, in vault: some IdentityVault) throws -> LinkDecision {
            if source.file == file {
                let call = calls.withLock { $0 += 1; return $0 }
                guard call < failAt else { throw IngestError("the linker failed on call \(call)") }
            }
            return try DeterministicLinker().link(identity, from: source, in: vault)
        }
    }

    /// Files share a transaction without a savepoint each; when one fails, its batch is stored again file by file
    /// (or, when it was the batch's first file, the rollback was the file's alone). Wherever the failing file is,
    /// the others are stored once and it leaves nothing.
    @Test(arguments: [0, 1, 2], [1, 2])
    func aFileThatFailsInsideABatchIsRolledBackAloneAndTheOthersCommit(failingPlace: Int, readingThreads: Int) throws {
        let test = try TestStore()
        let directory = try TemporaryDirectory()
        defer { test.remove(); directory.remove() }
        // B holds the fixture's claims twice, the second time as other persons: the linker fails after B's first
        // rows are written. C is the fixture with one more byte (the same persons).
        let first = Fixtures.outpatientClaims.path
        let failing = try ClaimsVariants.large(copies: 2, to: directory.file("B.UKE")).path
        var bytes = try Fixtures.bytes(Fixtures.outpatientClaims)
        bytes.append(0x1A)
        let third = directory.file("C.UKE")
        try Data(bytes).write(to: third)
        let failedDigest = try FileDigest.sha256(path: failing)
        let linker = FailingLinker(file: failedDigest, failAt: 50)
        var paths = [first, third.path]
        paths.insert(failing, at: failingPlace)
        var ingestor = Ingestor(store: test.store, linker: linker)
        ingestor.readingThreads = readingThreads
        let reports = try ingestor.ingest(paths: paths)
        var expected: [IngestReport.Status] = [.ingested, .ingested]
        expected.insert(.failed, at: failingPlace)
        #expect(reports.map(\.status) == expected)
        #expect(reports[failingPlace].message?.contains("B.UKE") == true)
        #expect(try test.store.read { try $0.receipts() }.count == 2)
        let digests = try test.store.read { try $0.contentDigests() }
        #expect(digests["research.claim"]?.rows == 150, "A and C, nothing of B")
        #expect(digests["research.person"]?.rows == 67)
        #expect(try test.store.read { try $0.storedUnitCount(fileDigest: failedDigest) } == 0)
        #expect(try test.store.foreignKeyViolations().isEmpty)
    }

    @Test func storesTheSameRowsWithTwoReadingThreadsAsWithOne() throws {
        let output = try TemporaryDirectory()
        defer { output.remove() }
        let config = SynthConfig(persons: 120, seed: 11, firstYear: 2024, lastYear: 2024, prefectures: [13],
                                 outputs: [.claims])
        _ = try SynthGenerator(config: config).run(to: output.url)
        var digests: [[String: TableDigest]] = []
        for threads in [1, 2] {
            let test = try TestStore()
            defer { test.remove() }
            var ingestor = Ingestor(store: test.store)
            ingestor.readingThreads = threads
            // Small batches, so that files of several batches are read on both threads at once.
            ingestor.batchBytes = 64 << 10
            let reports = try ingestor.ingest(paths: [output.url.appendingPathComponent("claims").path])
            #expect(reports.count > 20 && reports.allSatisfy { $0.status == .ingested })
            digests.append(try test.store.read { try $0.contentDigests() }.filter { $0.key.hasPrefix("research.") })
            #expect(try test.store.foreignKeyViolations().isEmpty)
        }
        #expect(digests[0]["research.claim"]?.rows ?? 0 > 100)
        #expect(digests[1] == digests[0])
    }

    /// The deterministic linker, noting whether the research zone had its indexes by person while it linked.
    final class IndexWatchingLinker: PersonLinker {
        let sawIndexes = Mutex<Set<Bool>>([])
        func link(_ identity: PersonIdentity, from source: IdentitySource, in vault: some IdentityVault) throws -> LinkDecision {
            if let transaction = vault as? StoreTransaction {
                let indexes = try transaction.reader.personIndexNames()
                sawIndexes.withLock { _ = $0.insert(!indexes.isEmpty) }
            }
            return try DeterministicLinker().link(identity, from: source, in: vault)
        }
    }

    @Test func aLargeFirstLoadBuildsTheIndexesByPersonAfterwardsAndStoresTheSameRows() throws {
        let normal = try TestStore()
        let bulk = try TestStore()
        let directory = try TemporaryDirectory()
        defer { normal.remove(); bulk.remove(); directory.remove() }
        // The fixture's claims 20 times over: about three times the empty research zone's size.
        let file = try ClaimsVariants.large(copies: 20, to: directory.file("LARGE.UKE")).path
        _ = try Ingestor(store: normal.store).ingest(paths: [file])
        let linker = IndexWatchingLinker()
        var ingestor = Ingestor(store: bulk.store, linker: linker)
        ingestor.bulkLoadMinimumBytes = 0
        var building: [Bool] = []
        #expect(try ingestor.ingest(paths: [file]) { building.append($0.isBuildingIndexes) }.map(\.status) == [.ingested])
        #expect(linker.sawIndexes.withLock { $0 } == [false], "linked and stored without the indexes by person")
        #expect(building.last == true && building.filter { $0 }.count == 1, "the rebuild is announced once, at the end")
        #expect(try bulk.store.suspendedIndexes().isEmpty)
        let expected = try normal.store.read { try $0.contentDigests() }
        let stored = try bulk.store.read { try $0.contentDigests() }
        for table in expected.keys where table.hasPrefix("research.") {
            #expect(stored[table] == expected[table], "\(table)")
        }
        #expect(try bulk.store.foreignKeyViolations().isEmpty)
        // A second run of the same size into the now larger zone is no bulk load.
        let second = Ingestor(store: bulk.store, linker: linker)
        linker.sawIndexes.withLock { $0.removeAll() }
        _ = try second.ingest(paths: [try ClaimsVariants.large(copies: 1, to: directory.file("SMALL.UKE")).path])
        #expect(linker.sawIndexes.withLock { $0 }.allSatisfy { $0 })
    }

    /// One command for everything: a generated population's every kind of file, and the same files renamed so
    /// that their names say nothing, are told apart by their content and stored with nothing refused.
    @Test func tellsEveryFormatByItsContentNotItsName() throws {
        let test = try TestStore()
        let output = try TemporaryDirectory()
        defer { test.remove(); output.remove() }
        let config = SynthConfig(persons: 200, seed: 5, firstYear: 2024, lastYear: 2024, prefectures: [13])
        _ = try SynthGenerator(config: config).run(to: output.url)
        let folders = ["claims", "ssmix2", "checkups", "fhir", "deaths", "care"].map { output.file($0).path }
        let reports = try Ingestor(store: test.store).ingest(paths: folders)
        #expect(reports.allSatisfy { $0.status == .ingested && $0.quarantinedNow == 0 },
                "\(reports.filter { $0.status != .ingested || $0.quarantinedNow > 0 }.prefix(3))")
        let formats = Set(reports.compactMap(\.receipt?.format))
        #expect(formats.isSuperset(of: ["claims-medical", "claims-pharmacy", "ssmix2", "checkups", "fhir",
                                        "death-certificates", "care"]), "\(formats)")
        // The same bytes under meaningless names: each format found again (and recognised as received).
        let renamed = output.file("renamed")
        try FileManager.default.createDirectory(at: renamed, withIntermediateDirectories: true)
        var byFormat = [String: String]()
        for report in reports { if let format = report.receipt?.format { byFormat[format] = report.file } }
        for (index, format) in ["claims-medical", "checkups", "fhir", "death-certificates", "care"].enumerated() {
            try FileManager.default.copyItem(atPath: byFormat[format]!, toPath: renamed.appendingPathComponent("file\(index).dat").path)
        }
        let again = try Ingestor(store: test.store).ingest(paths: [renamed.path])
        #expect(again.count == 5 && again.allSatisfy { $0.status == .alreadyReceived })
    }
}
