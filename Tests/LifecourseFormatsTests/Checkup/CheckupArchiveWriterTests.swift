import Foundation
import LifecourseCore
import LifecourseFormats
import LifecourseTesting
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct CheckupArchiveWriterTests {
    static func writer() throws -> CheckupArchiveWriter {
        CheckupArchiveWriter(sender: "1311234567", receiver: "00130013", createdOn: try CalendarDate(year: 2024, month: 7, day: 1),
                             unitPrice: 8000)
    }

    @Test func namesTheRootFolderAndDocumentsByTheStandardRules() throws {
        let writer = try Self.writer()
        #expect(writer.rootName == "1311234567_00130013_202407011_1")
        #expect(writer.documentName(serial: 12) == "h1311234567202407011" + "1000012.xml")
    }

    @Test func writesIndexSummaryAndOneDocumentPerExaminee() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.file("archive.zip")
        let documents = [try CheckupSamples.document(), try CheckupSamples.document(kana: "スズキ ハナコ")]
        try Self.writer().write(documents, to: url)
        let files = try ZIPContents.files(of: url)
        let root = "1311234567_00130013_202407011_1/"
        #expect(files.map(\.path) == [root + "ix08_V08.xml", root + "su08_V08.xml",
                                      root + "DATA/h13112345672024070111000001.xml",
                                      root + "DATA/h13112345672024070111000002.xml"])
        let index = try XMLOutline.read(String(decoding: files[0].data, as: UTF8.self))
        #expect(index.attributes(of: "totalRecordCount").first?["value"] == "2")
        #expect(index.attributes(of: "interactionType").first?["code"] == "6")
        #expect(index.attributes(of: "id").map { $0["extension"] } == ["1311234567", "00130013"])
        let summary = try XMLOutline.read(String(decoding: files[1].data, as: UTF8.self))
        #expect(summary.attributes(of: "totalSubjectCount").first?["value"] == "2")
        #expect(summary.attributes(of: "totalClaimAmount").first?["value"] == "16000")
        #expect(String(decoding: files[3].data, as: UTF8.self) == CheckupCDAWriter.xml(documents[1]))
    }

    @Test func writesTheSameBytesForTheSameDocuments() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let documents = [try CheckupSamples.document()]
        try Self.writer().write(documents, to: directory.file("a.zip"))
        try Self.writer().write(documents, to: directory.file("b.zip"))
        #expect(try Data(contentsOf: directory.file("a.zip")) == Data(contentsOf: directory.file("b.zip")))
    }
}
