import Foundation
import LifecourseCore
import Testing
@testable import LifecourseFormats

/// Prescriptions, administrations and lab results of the fixture patient.
@Suite struct SSMIX2ReadingOrdersTests {
    @Test func readsThePrescriptionsOfOMP01WithHOTCodesAndDays() throws {
        let segments = try SSMIX2ReadingTests.segments(
            "20110701/OMP-01/9999013_20110701_OMP-01_000000011000185_20110701224603984_01_1")
        let drugs = try SSMIX2Reading.medications(segments)
        #expect(drugs.count >= 2)
        let first = drugs[0]
        #expect(first.code == "108665201" && first.name == "ダーゼン錠（５mg)" && first.codeSystem == "HOT9")
        #expect(first.dose == 1 && first.doseUnit == "TAB" && first.dailyDose == 3 && first.days == 5)
        #expect(first.usage == "内服・経口・１日３回朝昼夕食後" && first.route == "PO")
        #expect(first.date?.description == "2011-07-01" && first.orderNumber == "000000011000185" && !first.administered)
        #expect(drugs[1].code == "110626901" && drugs[1].dose == 2 && drugs[1].dailyDose == 6)
    }

    @Test func readsTheAdministrationsOfOMP11() throws {
        let segments = try SSMIX2ReadingTests.segments(
            "20110630/OMP-11/9999013_20110630_OMP-11_123456789012345_20110701113813225_01_1")
        let given = try SSMIX2Reading.medications(segments)
        #expect(given.map(\.code) == ["108665201", "110626901"])
        #expect(given.allSatisfy { $0.administered && $0.route == "PO" && $0.date?.description == "2011-07-01" })
        #expect(given.map(\.dose) == [1, 2])
    }

    @Test func readsTheLabResultsOfOML11WithJLAC10AndUnits() throws {
        let segments = try SSMIX2ReadingTests.segments(
            "20111220/OML-11/9999013_20111220_OML-11_000000011000354_20111220103059000_01_1")
        let results = try SSMIX2Reading.labResults(segments)
        #expect(results.count >= 3)
        #expect(results[0].code == "3A016000002327102" && results[0].name == "A/G比" && results[0].codeSystem == "JC10")
        #expect(results[0].number == 1.7 && results[0].unit == nil && results[0].referenceRange == "1.2-2.0")
        #expect(results[1].name == "総蛋白" && results[1].number == 7.2 && results[1].unit == "g/dl")
        #expect(results.allSatisfy { $0.date?.description == "2011-12-19" && $0.code.count == 17 })
    }

    @Test func readsTheComponentsOfInjectionOrdersAndTheirAdministration() throws {
        let orders = try SSMIX2Reading.medications(try SSMIX2ReadingTests.segments(
            "20110701/OMP-02/9999013_20110701_OMP-02_123456789012345_20110701224603984_01_1"))
        #expect(!orders.isEmpty && !orders.contains { $0.code == "00" }, "the RXE of a mixture is not a drug")
        #expect(Array(orders.map(\.code).prefix(2)) == ["620007329", "620002559"])
        #expect(orders[0].name == "ソリタ−Ｔ３号輸液５００ｍＬ" || orders[0].name?.hasPrefix("ソリタ") == true)
        #expect(orders[0].doseUnit == "HON" && orders[1].doseUnit == "AMP" && orders[1].dose == 1)
        #expect(orders.allSatisfy { $0.route == "IV" && $0.date?.description == "2011-07-01" && !$0.administered })
        let given = try SSMIX2Reading.medications(try SSMIX2ReadingTests.segments(
            "20110701/OMP-12/9999013_20110701_OMP-12_123456789012345_20110701113813225_01_1"))
        #expect(given.map(\.code) == ["620007329", "620002559"])
        #expect(given.allSatisfy { $0.administered && $0.route == "IV" })
    }
}
