import Foundation
import LifecourseCore
import LifecourseFormats
import LifecourseStore
import LifecourseTesting
import Testing
@testable import LifecourseIngest

/// Older claims systems write era dates (GYYMMDD, GYYMM); the same claims written either way must give the same
/// stored rows, identities and research IDs (only the files' digests and byte offsets differ).
@Suite struct EraDatesIngestTests {
    static func store(_ style: ClaimsDateStyle) throws -> (TestStore, [String: TableDigest], String) {
        let test = try TestStore()
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (medical, pharmacy) = try PharmacyClaimsIngestTests.files(in: directory, dateStyle: style)
        let text = try String(contentsOfFile: medical, encoding: .shiftJIS)
        let reports = try Ingestor(store: test.store).ingest(paths: [medical, pharmacy])
        #expect(reports.allSatisfy { $0.status == .ingested && $0.receipt?.unitsQuarantined == 0 })
        let digests = try test.store.read { try $0.contentDigests(excluding: ["file_digest", "byte_offset"]) }
        return (test, digests.filter { !$0.key.hasPrefix("governance.") }, text)
    }

    @Test func eraAndWesternDatesGiveIdenticalRows() throws {
        let (western, westernRows, westernText) = try Self.store(.western)
        let (era, eraRows, eraText) = try Self.store(.era)
        defer { western.remove(); era.remove() }
        #expect(westernText.contains(",20240514,") && eraText.contains(",5060514,"), "the files differ in their dates")
        #expect(eraText.contains(",3350401,"), "a 昭和 birth date")
        #expect(westernRows["research.drug_exposure"]?.rows ?? 0 > 0)
        #expect(eraRows == westernRows)
        let identities = try [western, era].map { test in
            try test.store.read { reader in try reader.persons().flatMap { try reader.identities(of: $0.researchID) } }
        }
        #expect(identities[0] == identities[1])
    }
}
