import Foundation
import LifecourseFormats
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct CheckupCDAWriterTests {
    @Test func writesTheCardIdentifiersOfTheExamineeInTheHeader() throws {
        let outline = try XMLOutline.read(CheckupCDAWriter.xml(try CheckupSamples.document()))
        var byRoot = [String: String]()
        for id in outline.attributes(of: "id") {
            if let root = id["root"], byRoot[root] == nil { byRoot[root] = id["extension"] }
        }
        #expect(byRoot[CheckupOID.insurer] == "06139463")
        #expect(byRoot[CheckupOID.symbol] == "ＡＢ－０１")
        #expect(byRoot[CheckupOID.number] == "123")
        #expect(byRoot[CheckupOID.branch] == "01")
        #expect(byRoot[CheckupOID.centre] == "1311234567")
        #expect(outline.attributes(of: "administrativeGenderCode").first?["code"] == "1")
        #expect(outline.attributes(of: "birthTime").first?["value"] == "19700102")
        #expect(outline.attributes(of: "code").first?["code"] == "10")
        #expect(outline.text["name"]?.contains("ヤマダ タロウ") == true)
    }

    @Test func writesEachItemWithItsCodeAndTypedValue() throws {
        let outline = try XMLOutline.read(CheckupCDAWriter.xml(try CheckupSamples.document()))
        let items = outline.attributes(of: "code").filter { $0["codeSystem"] == CheckupOID.item }.map { $0["code"] }
        #expect(items == ["9N001000000000001", "9N736000000000011", "9N511000000000049"])
        let values = outline.attributes(of: "value")
        #expect(values[0]["value"] == "170.2" && values[0]["unit"] == "cm")
        #expect(values[1]["code"] == "2" && values[1]["codeSystem"] == nil)
        #expect(outline.text["value"]?.contains("異常なし <要再検> & 経過観察") == true)
    }

    @Test func leavesTheBranchOutWhenTheCardHasNone() throws {
        let xml = CheckupCDAWriter.xml(try CheckupSamples.document(branch: nil))
        #expect(!xml.contains(CheckupOID.branch))
    }
}
