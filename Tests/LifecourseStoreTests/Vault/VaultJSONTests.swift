import Foundation
import LifecourseCore
import Testing
@testable import LifecourseStore

@Suite struct VaultJSONTests {
    static let cards = [
        InsuranceCard(insurerNumber: "06130017", symbol: "１２３", number: "４５６", branch: "01"),
        InsuranceCard(insurerNumber: "138057", symbol: nil, number: "A/\"b\\c", branch: nil),
        InsuranceCard(insurerNumber: "39131015", symbol: "tab\there\u{1F}", number: "改行\nあり", branch: "00"),
    ]

    /// The vault's card JSON is what JSONEncoder writes with sorted keys (slashes unescaped), and reads back.
    @Test func writesWhatJSONEncoderWritesAndReadsBack() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let plain = Array(Self.cards.prefix(2))
        #expect(VaultJSON.text(plain) == String(decoding: try encoder.encode(plain), as: UTF8.self))
        let expenses = [PublicExpenseCard(payerNumber: "54136015", recipientNumber: nil),
                        PublicExpenseCard(payerNumber: "12131011", recipientNumber: "1234567")]
        #expect(VaultJSON.text(expenses) == String(decoding: try encoder.encode(expenses), as: UTF8.self))
        let care = CareInsuranceCard(insurerNumber: "131016", insuredNumber: "0000012345")
        #expect(VaultJSON.text(care) == String(decoding: try encoder.encode(care), as: UTF8.self))
        // Control characters are escaped; everything reads back as it was.
        let decoded = try JSONDecoder().decode([InsuranceCard].self, from: Data(VaultJSON.text(Self.cards).utf8))
        #expect(decoded == Self.cards)
        #expect(VaultJSON.quoted("a\u{1F}b") == "\"a\\u001fb\"")
    }
}
