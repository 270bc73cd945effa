import Foundation
import LifecourseCore
import Testing
@testable import LifecourseFormats

/// Visits and allergies of the fixture patient.
@Suite struct SSMIX2ReadingEventsTests {
    @Test func readsAdmissionAndDischarge() throws {
        let admission = try #require(try SSMIX2Reading.visit(try SSMIX2ReadingTests.segments(
            "20111120/ADT-22/9999013_20111120_ADT-22_999999999999999_20111220224447339_01_1")))
        #expect(admission.patientClass == "I" && admission.department == "01")
        #expect(admission.admitted?.description == "2011-11-20" && admission.eventDate?.description == "2011-12-20")
        let discharge = try #require(try SSMIX2Reading.visit(try SSMIX2ReadingTests.segments(
            "20111220/ADT-52/9999013_20111220_ADT-52_999999999999999_20111220224447339_08_1")))
        #expect(discharge.patientClass == "I" && discharge.department == "08")
        #expect(discharge.discharged?.description == "2011-12-20" && discharge.eventDate?.description == "2011-12-20")
    }

    @Test func readsAllergiesFromIAMAndAL1() throws {
        let iam = SSMIX2Reading.allergies(try SSMIX2ReadingTests.segments(
            "-/ADT-61/9999013_-_ADT-61_999999999999999_20111014232213000_-_1"))
        #expect(iam.map(\.allergen) == ["スギ", "ソバ", "ハウスダスト", "アリナミン"])
        #expect(iam.map(\.kind) == ["LA", "FA", "EA", "DA"])
        #expect(iam[3].allergenCode == "106824501" && iam[3].allergenSystem == "HOT9" && iam[3].severity == "MO")
        #expect(iam[0].onset == "199601" && iam[1].onset == "小学校低学年の頃" && iam[0].reaction == "目のかゆみ")
        let al1 = SSMIX2Reading.allergies(try SSMIX2ReadingTests.segments(
            "-/ADT-00/9999013_-_ADT-00_999999999999999_20111220224447339_-_1"))
        #expect(al1.map(\.allergen) == ["ペニシリン"] && al1.first?.kind == "DA")
    }
}
