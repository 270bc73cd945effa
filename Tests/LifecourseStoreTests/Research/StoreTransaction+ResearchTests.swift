import Foundation
import LifecourseCore
import LifecourseTesting
import Testing
@testable import LifecourseStore

/// Writes one small claim (a visit, a diagnosis, a drug) from a file with the given digest.
func writeClaim(_ transaction: StoreTransaction, person: ResearchID, digest: Data, claimNumber: Int = 1,
                diagnosisName: String? = nil) throws {
    let institution = try InstitutionCode("1310000011")
    let day = try CalendarDate(iso: "2021-10-05")
    try transaction.insertPersonIfNew(person, sex: .female, birthDate: try CalendarDate(iso: "1980-04-01"))
    func lineage(_ line: Int, _ type: String) throws -> Int64 {
        try transaction.insertSourceRecord(SourceRecordRow(fileDigest: digest, line: line, byteOffset: line * 10,
                                                           recordType: type, sender: .institution(institution)))
    }
    let header = try lineage(1, "RE")
    let visit = try transaction.insertVisit(VisitRow(
        person: person, conceptID: 9202, startDate: day, endDate: day, typeConceptID: omopClaimTypeConcept,
        sourceValue: "1112", institution: institution, sourceRecordID: header))
    _ = try transaction.insertClaim(ClaimRow(
        person: person, visitID: visit, institution: institution, claimNumber: claimNumber, claimType: "1112",
        payerLawCode: "06", serviceMonth: day.yearMonth, billingMonth: try YearMonth(year: 2021, month: 11),
        points: 100, actualDays: 1, bedCount: nil, sourceRecordID: header))
    try transaction.insertCondition(ConditionRow(
        person: person, startDate: try CalendarDate(iso: "2021-09-01"), endDate: nil,
        typeConceptID: omopClaimTypeConcept, statusConceptID: 32902, stopReason: nil, visitID: visit,
        sourceValue: diagnosisName == nil ? "8833421" : "0000999", statusSourceValue: "01",
        vocabulary: .claimsDisease, sourceName: diagnosisName, outcome: 1, modifiers: nil,
        sourceRecordID: try lineage(2, "SY")))
    try transaction.insertExposure(ExposureRow(
        table: .drug, person: person, startDate: day, endDate: day, typeConceptID: omopClaimTypeConcept, quantity: 3,
        times: 7, points: 20, category: "21", visitID: visit, sourceValue: "620098801", vocabulary: .claimsDrug,
        sourceName: nil, unitSourceValue: nil, sourceRecordID: try lineage(3, "IY")))
}

@Suite struct StoreTransactionResearchTests {
    @Test func deletesTheRowsOfOneFileOnly() throws {
        let test = try TestStore()
        defer { test.remove() }
        let person = try ResearchID(rawValue: 11)
        try test.store.write { transaction throws in
            try writeClaim(transaction, person: person, digest: Data([1]))
            try writeClaim(transaction, person: person, digest: Data([2]), claimNumber: 2)
            #expect(try transaction.deleteRows(fromFile: Data([1])) == 3)
            #expect(try transaction.deleteRows(fromFile: Data([1])) == 0)
        }
        let digests = try test.store.read { try $0.contentDigests() }
        #expect(digests["research.claim"]?.rows == 1)
        #expect(digests["research.drug_exposure"]?.rows == 1)
        #expect(digests["research.source_record"]?.rows == 3)
    }
}
