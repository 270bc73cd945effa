import LifecourseFormats
import LifecourseTesting
import Testing

@Suite struct CSVSplitterTests {
    static func split(_ text: String, chunk: Int = .max) -> [CSVRecord] {
        var splitter = CSVSplitter()
        let bytes = Array(text.utf8)
        var records = [CSVRecord]()
        for piece in DripFeed.chunks(bytes, size: min(chunk, max(bytes.count, 1))) { records += splitter.split(piece) }
        return records + splitter.finish()
    }

    @Test func plainRecordsSplitAtCommasAndLineBreaks() {
        let records = Self.split("a,b,c\r\n1,,3\n")
        #expect(records.map(\.fields) == [["a", "b", "c"], ["1", "", "3"]])
        #expect(records.map(\.line) == [1, 2])
        #expect(records.map(\.byteOffset) == [0, 7])
        #expect(records.allSatisfy { $0.problem == nil })
    }

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() {
        let records = Self.split("\"東京都, 千代田区\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\nnext,row\r\n")
        #expect(records.map(\.fields) == [["東京都, 千代田区", "say \"hi\"", "two\r\nlines"], ["next", "row"]])
        #expect(records[0].line == 1 && records[0].lastLine == 2)
        #expect(records[1].line == 3)
        #expect(String(decoding: records[0].rawBytes, as: UTF8.self) == "\"東京都, 千代田区\",\"say \"\"hi\"\"\",\"two\r\nlines\"")
    }

    @Test(arguments: DripFeed.chunkSizes)
    func anyChunkingGivesTheSameRecords(size: Int) {
        let text = "\u{FEFF}受理市区町村,氏名\r\n\"131016\",\"山田　太郎\"\r\n\r\n131016,\"a,\"\"b\"\"\r\nc\"\r\nlast,row"
        let whole = Self.split(text)
        #expect(Self.split(text, chunk: size) == whole)
        #expect(whole.map(\.fields) == [["受理市区町村", "氏名"], ["131016", "山田　太郎"], ["131016", "a,\"b\"\r\nc"],
                                        ["last", "row"]])
        #expect(whole.map(\.line) == [1, 2, 4, 6])
        #expect(whole[0].byteOffset == 3, "the byte-order mark is counted in offsets but is not data")
    }

    @Test func blankLinesAndAnEndOfFileMarkAreNotRecords() {
        #expect(Self.split("a\r\n\r\n\nb\r\n\u{1A}").map(\.fields) == [["a"], ["b"]])
        #expect(Self.split("").isEmpty)
        #expect(Self.split("\r\n").isEmpty)
    }

    @Test func aQuotedEmptyFieldIsARecord() {
        #expect(Self.split("\"\"\r\n").map(\.fields) == [[""]])
    }

    @Test func aStartThatIsNotAByteOrderMarkIsData() {
        var splitter = CSVSplitter()
        let records = splitter.split([0xEF, 0xBB, 0x41, 0x0A]) + splitter.finish()
        #expect(records.count == 1)
        #expect(records[0].problem?.description.contains("UTF-8") == true)
        #expect(Self.split("ab").map(\.fields) == [["ab"]])
    }

    @Test func aStrayQuoteIsReportedWithItsField() throws {
        let records = Self.split("a,b\"c,d\r\nok\r\n")
        let problem = try #require(records[0].problem)
        #expect(problem.field == 2)
        #expect(problem.description.contains("double quote"))
        #expect(records[1].fields == ["ok"] && records[1].problem == nil)
    }

    @Test func textAfterAClosingQuoteIsReported() throws {
        let records = Self.split("\"a\"b,c\r\n\"x\"\ry\r\n")
        #expect(try #require(records[0].problem).field == 1)
        #expect(records[0].fields == ["ab", "c"])
        #expect(records[1].problem != nil)
    }

    @Test func anUnclosedQuoteAtTheEndIsReported() throws {
        let records = Self.split("a,b\r\n\"open,field\r\nmore")
        #expect(records.count == 2)
        #expect(try #require(records[1].problem).description.contains("not closed"))
        #expect(records[1].line == 2 && records[1].lastLine == 3)
    }

    @Test func invalidUTF8IsReportedNotDropped() throws {
        var splitter = CSVSplitter()
        let records = splitter.split([0x61, 0x2C, 0x82, 0xA0, 0x0A]) + splitter.finish()
        #expect(try #require(records.first?.problem).field == 2)
    }

    @Test func anOverlongRecordIsCutAndReported() throws {
        var splitter = CSVSplitter(maximumRecordLength: 8)
        let records = splitter.split(Array("0123456789abcdef\nok\n".utf8)) + splitter.finish()
        #expect(records.count == 2)
        #expect(records[0].rawBytes.count <= 8)
        #expect(try #require(records[0].problem).description.contains("longer than 8"))
        #expect(records[1].fields == ["ok"] && records[1].problem == nil)
    }

    @Test func cp932FieldsAreDecodedAfterSplitting() throws {
        // 表 (95 5C) and ソ (83 5C) end in the byte of a backslash; CP932 never uses a comma or quote as a trail byte.
        var splitter = CSVSplitter(encoding: .cp932)
        let bytes: [UInt8] = [0x22, 0x95, 0x5C, 0x22, 0x2C, 0x83, 0x5C, 0x0D, 0x0A, 0x22, 0x82, 0x22, 0x0D, 0x0A]
        let records = DripFeed.chunks(bytes, size: 1).flatMap { splitter.split($0) } + splitter.finish()
        #expect(records.count == 2 && records[0].fields == ["表", "ソ"])
        #expect(records[0].problem == nil)
        #expect(try #require(records[1].problem).description.contains("CP932"))
    }
}
