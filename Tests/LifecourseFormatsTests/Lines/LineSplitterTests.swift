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

    @Test func givesTheSameLinesWhereverTheInputIsCutIntoChunks() {
        // A CR and its LF, a long line and an empty line fall on chunk edges for some of the cuts.
        let text = Array("IR,1\r\nRE,12345678901234567890\r\n\r\nSY,8831000\nlast".utf8)
        var whole = LineSplitter(maximumLineLength: 16)
        var expected = whole.split(text)
        if let last = whole.finish() { expected.append(last) }
        #expect(expected.map { String(decoding: $0.bytes, as: UTF8.self) }
                == ["IR,1", "RE,1234567890123", "", "SY,8831000", "last"])
        #expect(expected.map(\.isTruncated) == [false, true, false, false, false])
        #expect(expected.map(\.byteOffset) == [0, 6, 31, 33, 44])
        for size in 1...text.count {
            var splitter = LineSplitter(maximumLineLength: 16)
            var lines: [RawLine] = []
            for start in stride(from: 0, to: text.count, by: size) {
                lines += splitter.split(text[start..<min(start + size, text.count)])
            }
            if let last = splitter.finish() { lines.append(last) }
            #expect(lines == expected, "chunks of \(size) bytes")
        }
    }

    @Test func splitsInputThatIsNotContiguousLikeAnArray() {
        var splitter = LineSplitter()
        let lines = splitter.split(Array("a\r\nb\n".utf8).lazy.map { $0 })
        #expect(lines.map { String(decoding: $0.bytes, as: UTF8.self) } == ["a", "b"])
        #expect(lines.map(\.byteOffset) == [0, 3])
    }
}
