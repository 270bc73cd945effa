import Testing
@testable import LifecourseFormats

@Suite struct LineSplitterTests {
    @Test func splitsCRLFAndLFAndNumbersLines() {
        var splitter = LineSplitter()
        var lines = splitter.split(Array("a\r\nbc\nd".utf8))
        if let last = splitter.finish() { lines.append(last) }
        #expect(lines.map { String(decoding: $0.bytes, as: UTF8.self) } == ["a", "bc", "d"])
        #expect(lines.map(\.number) == [1, 2, 3])
        #expect(lines.map(\.byteOffset) == [0, 3, 6])
    }

    @Test func ignoresTheEndOfFileMark() {
        var splitter = LineSplitter()
        let lines = splitter.split(Array("GO,1\r\n".utf8) + [0x1A])
        #expect(lines.count == 1)
        #expect(splitter.finish() == nil)
    }

    @Test func cutsLinesLongerThanTheLimit() {
        var splitter = LineSplitter(maximumLineLength: 4)
        let lines = splitter.split(Array("abcdefgh\nok\n".utf8))
        #expect(lines[0].isTruncated)
        #expect(lines[0].bytes.count == 4)
        #expect(!lines[1].isTruncated)
    }
}
