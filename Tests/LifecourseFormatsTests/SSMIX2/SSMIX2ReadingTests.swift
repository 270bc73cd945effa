import Foundation
import LifecourseCore
import LifecourseTesting
import Testing
@testable import LifecourseFormats

/// Golden values of the fixture patient 9999013, as the files say them.
@Suite struct SSMIX2ReadingTests {
    static func segments(_ relative: String) throws -> [HL7ParsedSegment] {
        let url = Fixtures.ssmix2Root.appendingPathComponent("999/901/9999013/" + relative)
        return try HL7MessageDecoder.segments(of: try Fixtures.bytes(url), file: url.lastPathComponent)
    }

    @Test func readsThePatientOfADT00() throws {
        let identity = try SSMIX2Reading.identity(try Self.segments("-/ADT-00/9999013_-_ADT-00_999999999999999_20111220224447339_-_1"))
        #expect(identity.patientNumber == "9999013")
        #expect(identity.name == "患者\u{3000}太郎" && identity.kanaName == "カンジャ\u{3000}タロウ")
        #expect(identity.birthDate?.description == "1948-04-05" && identity.sex == .male)
        #expect(identity.address?.hasPrefix("422-8033 静岡県静岡市登呂") == true)
    }

    @Test func readsTheDiseaseNamesOfPPR01WithICD10() throws {
        let segments = try Self.segments("-/PPR-01/9999013_-_PPR-01_999999999999999_20111209163030000_01_1")
        let diagnoses = try SSMIX2Reading.diagnoses(segments)
        #expect(diagnoses.count == 1)
        let gastritis = try #require(diagnoses.first)
        #expect(gastritis.code == "20054174" && gastritis.name == "胃炎" && gastritis.codeSystem == "MDCDX2")
        #expect(gastritis.icd10 == "K297" && gastritis.isMain && gastritis.outcome == "N")
        #expect(gastritis.onset?.description == "2011-08-31" && gastritis.resolved?.description == "2011-09-15")
        #expect(gastritis.position.line == 3)
    }

    @Test func acceptsADiseaseNamedOnlyInWordsButNotOneWithNeitherCodeNorName() throws {
        func segments(_ prb: String) throws -> [HL7ParsedSegment] {
            try HL7MessageDecoder.segments(of: try ISO2022JPEncoder().encode("MSH|^~\\&|A\r" + prb + "\r"), file: "PPR")
        }
        let named = try SSMIX2Reading.diagnoses(try segments("PRB|AD|20240108|^脂質異常症^99LCD|1|||20160401"))
        #expect(named.first?.code == "" && named.first?.name == "脂質異常症" && named.first?.codeSystem == nil)
        #expect(throws: SourceError.self) { try SSMIX2Reading.diagnoses(try segments("PRB|AD|20240108||1")) }
    }

    @Test func namesTheFieldOfAWrongValue() throws {
        func segments(_ text: String) throws -> [HL7ParsedSegment] {
            try HL7MessageDecoder.segments(of: try ISO2022JPEncoder().encode(text), file: "BAD")
        }
        #expect(throws: SourceError.self) { try SSMIX2Reading.identity(try segments("MSH|^~\\&|A\rEVN||1\r")) }
        let badBirth = try segments("MSH|^~\\&|A\rPID|1||1||山田^太郎||19481340|M\r")
        do throws(SourceError) {
            _ = try SSMIX2Reading.identity(badBirth)
            Issue.record("a birth date in month 13 was accepted")
        } catch {
            #expect(error.position.line == 2 && error.position.field == 7 && error.problem.hasPrefix("PID-7"))
        }
        let noCode = try segments("MSH|^~\\&|A\rPRB|AD|20110915\r")
        do throws(SourceError) {
            _ = try SSMIX2Reading.diagnoses(noCode)
            Issue.record("a disease without a code was accepted")
        } catch {
            #expect(error.position.field == 3)
        }
    }
}

