import Foundation
import LifecourseCore
import Testing
@testable import LifecourseFormats

@Suite struct CheckupDocumentSourceRecordTests {
    @Test func givesTheCardToTheVaultItemsToTheResearchStoreAndTextToTheVault() throws {
        var document = try CheckupSamples.document()
        document.observations[0].line = 42
        let centre = try InstitutionCode("1311234567")
        let record = document.sourceRecord(position: SourcePosition(file: "a.zip!DATA/h.xml", line: 3), institution: centre)
        #expect(record.format == .checkups && record.unitRecordType == "CDA" && record.sender == .institution(centre))
        #expect(record.identity.kanaName == "ヤマダ タロウ" && record.identity.name == nil)
        #expect(record.identity.insuranceCards == [InsuranceCard(insurerNumber: "06139463", symbol: "ＡＢ－０１", number: "123",
                                                                 branch: "01")])
        #expect(record.identity.address == "100-0001 東京都千代田区")
        guard case .measurement(let height) = record.events[0], case .observation(let smoking) = record.events[1] else {
            Issue.record("\(record.events)")
            return
        }
        #expect(height.code == "9N001000000000001" && height.number == 170.2 && height.unit == "cm")
        #expect(height.date.description == "2024-06-03" && height.position.line == 42)
        #expect(smoking.category == "questionnaire" && smoking.valueCode == "2" && smoking.position.line == 3)
        #expect(record.events.count == 2)
        #expect(record.freeText.map(\.text) == ["9N511000000000049 異常なし <要再検> & 経過観察"])
    }
}
