import Testing
import LifecourseCore

@Suite struct SexTests {
    @Test func readsClaimsAndHL7Codes() throws {
        #expect(try Sex(claimsCode: "1") == .male)
        #expect(try Sex(claimsCode: "2") == .female)
        #expect(try Sex(hl7Code: "F") == .female)
        #expect(try Sex(hl7Code: "u") == .unknown)
        #expect(throws: ValueError.self) { try Sex(claimsCode: "3") }
        #expect(throws: ValueError.self) { try Sex(hl7Code: "X") }
    }

    @Test func mapsToOMOPGenderConcepts() {
        #expect(Sex.male.omopConceptID == 8507)
        #expect(Sex.female.omopConceptID == 8532)
        #expect(Sex.unknown.omopConceptID == 0)
    }
}
