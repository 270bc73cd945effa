import Foundation
import LifecourseCore
import LifecourseTesting
import Testing
@testable import LifecourseStore

@Suite struct StoreReaderResearchTests {
    @Test func listsPersonsWithTheirCounts() throws {
        let test = try TestStore()
        defer { test.remove() }
        let first = try ResearchID(rawValue: 900)
        let second = try ResearchID(rawValue: 12)
        try test.store.write { transaction throws in
            try writeClaim(transaction, person: first, digest: Data([1]))
            try writeClaim(transaction, person: second, digest: Data([1]), claimNumber: 2)
            try writeClaim(transaction, person: first, digest: Data([2]))
        }
        let persons = try test.store.read { try $0.persons() }
        #expect(persons.map(\.researchID) == [first, second])  // order of first appearance, not of ID
        #expect(persons[0].claims == 2)
        #expect(persons[0].files == 2)
        #expect(persons[0].rows == 4)
        #expect(persons[0].birthYear == 1980)
        #expect(try test.store.read { try $0.persons(limit: 1, offset: 1) }.map(\.researchID) == [second])
    }

    @Test func summarizesDiagnosesOnceAndItemsByMonth() throws {
        let test = try TestStore()
        defer { test.remove() }
        let person = try ResearchID(rawValue: 77)
        try test.store.write { transaction throws in
            try writeClaim(transaction, person: person, digest: Data([1]), diagnosisName: "かぜ")
            try writeClaim(transaction, person: person, digest: Data([2]), diagnosisName: "かぜ")
        }
        let summary = try test.store.read { try $0.summary(of: person) }
        #expect(summary.diagnoses.count == 1)
        #expect(summary.diagnoses[0].name == "かぜ")
        #expect(summary.diagnoses[0].outcome == "継続")
        #expect(summary.diagnoses[0].isMain)
        #expect(summary.months.map(\.month.description) == ["2021-09", "2021-10"])
        #expect(summary.months[1].claims == 2)
        #expect(summary.months[1].drugs.map(\.code) == ["620098801", "620098801"])
    }

    @Test func saysWhenAResearchIDIsUnknown() throws {
        let test = try TestStore()
        defer { test.remove() }
        #expect(throws: StoreError.self) { try test.store.read { try $0.summary(of: try ResearchID(rawValue: 1)) } }
    }
}
