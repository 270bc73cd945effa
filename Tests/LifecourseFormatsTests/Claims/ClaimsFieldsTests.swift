import LifecourseCore
import Testing
@testable import LifecourseFormats

@Suite struct ClaimsFieldsTests {
    static let position = SourcePosition(file: "RECEIPTC.UKE", line: 7, byteOffset: 120)

    static func fields(_ text: String) throws -> ClaimsFields {
        try ClaimsFields(cp932: CP932Encoder().encode(text), position: position)
    }

    @Test func readsEachFieldAsReceivedWhateverItsEncodingAndLength() throws {
        let fields = try Self.fields("SY,8831000,20240401,1,,高血圧症（本態性）,01,,ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        #expect(fields.recordType == "SY")
        #expect(fields.count == 9)
        #expect(fields.values == ["SY", "8831000", "20240401", "1", "", "高血圧症（本態性）", "01", "",
                                  "ABCDEFGHIJKLMNOPQRSTUVWXYZ"])
        #expect(fields[5] == "高血圧症（本態性）")
        #expect(fields.optional(4) == nil, "an empty field is missing")
        #expect(fields[20] == "" && fields.optional(20) == nil, "fields after the record's last are empty")
        #expect(try Self.fields("高血圧,1").recordType == "高血圧", "the record type is the first field, decoded")
    }

    @Test func readsWholeNumbersFromDigitsSignsAndFullWidthDigits() throws {
        let fields = try Self.fields("SI,0001,-3,+12,１２,999999999999999999,9999999999999999999,0.5,")
        #expect(try fields.integer(1, "a") == 1)
        #expect(try fields.integer(2, "b") == -3)
        #expect(try fields.integer(3, "c") == 12)
        #expect(try fields.integer(4, "d") == 12, "full-width digits are accepted")
        #expect(try fields.integer(5, "e") == 999_999_999_999_999_999)
        #expect(throws: SourceError.self, "19 nines do not fit") { try fields.integer(6, "f") }
        let error = #expect(throws: SourceError.self) { try fields.integer(7, "回数") }
        #expect(error?.position.field == 8, "the error names the column, counted from 1")
        #expect(try fields.integer(8, "h") == nil)
    }

    @Test func readsDecimalsFromASCIIAndFullWidthDigitsAndRefusesWhatIsNotAFiniteNumber() throws {
        let fields = try Self.fields("IY,0.5,０．２５,12,inf,1e999,abc")
        #expect(try fields.decimal(1, "数量") == 0.5)
        #expect(try fields.decimal(2, "数量") == 0.25)
        #expect(try fields.decimal(3, "数量") == 12)
        for index in 4...6 {
            #expect(throws: SourceError.self, "field \(index + 1)") { try fields.decimal(index, "数量") }
        }
        #expect(try fields.decimal(7, "数量") == nil)
    }

    @Test func refusesALineThatIsNotCP932NamingTheByte() throws {
        var bytes = try CP932Encoder().encode("RE,1,テスト")
        bytes.append(0x81) // a lead byte without its trail byte
        let error = #expect(throws: TextDecodingError.self) {
            try ClaimsFields(cp932: bytes, position: Self.position)
        }
        #expect(error?.byteOffset == bytes.count - 1)
    }
}
