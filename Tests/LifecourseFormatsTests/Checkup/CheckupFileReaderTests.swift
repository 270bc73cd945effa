import Foundation
import LifecourseCore
import LifecourseTesting
import Testing
import ZIPFoundation
@testable import LifecourseFormats

/// Sending archives and single documents: each document one unit; a broken document quarantined alone, a broken
/// archive quarantined whole.
@Suite struct CheckupFileReaderTests {
    static func events(_ path: String) throws -> [SourceUnitEvent] {
        var events = [SourceUnitEvent]()
        try CheckupFileReader(path: path).forEachEvent(progress: { _ in }) { events.append($0) }
        return events
    }

    static func archive(in directory: TemporaryDirectory, documents: Int = 3) throws -> (URL, CheckupArchiveWriter) {
        let writer = CheckupArchiveWriter(sender: "1311234567", receiver: "06139463",
                                          createdOn: try CalendarDate(year: 2024, month: 7, day: 1), unitPrice: 8_000)
        let url = directory.file(writer.rootName + ".zip")
        let samples = try (0..<documents).map { try CheckupSamples.document(kana: "ヤマダ タロウ\($0)") }
        try writer.write(samples, to: url)
        return (url, writer)
    }

    @Test func readsEveryDocumentOfAnArchiveAsAUnitNumberedInIt() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (url, _) = try Self.archive(in: directory)
        let records = try Self.events(url.path).compactMap { if case .record(let record) = $0 { record } else { nil } }
        #expect(records.map(\.identity.kanaName) == ["ヤマダ タロウ0", "ヤマダ タロウ1", "ヤマダ タロウ2"])
        #expect(records.map(\.position.line) == [1, 2, 3])
        #expect(records.allSatisfy { $0.position.file.hasPrefix(url.path + "!") && $0.position.file.hasSuffix(".xml") })
    }

    @Test func quarantinesAMalformedDocumentAndReadsTheOthers() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (url, writer) = try Self.archive(in: directory)
        let archive = try Archive(url: url, accessMode: .update)
        let second = "\(writer.rootName)/DATA/\(writer.documentName(serial: 2))"
        try archive.remove(try #require(archive[second]))
        let broken = Data("<?xml version=\"1.0\"?>\n<ClinicalDocument xmlns=\"urn:hl7-org:v3\">\n  <recordTarget>\n".utf8)
        try archive.addEntry(with: second, type: .file, uncompressedSize: Int64(broken.count)) { position, size in
            broken.subdata(in: Int(position)..<Int(position) + size)
        }
        let events = try Self.events(url.path)
        let quarantined = events.compactMap { if case .quarantined(let row) = $0 { row } else { nil } }
        #expect(events.filter { if case .record = $0 { true } else { false } }.count == 2)
        let row = try #require(quarantined.first)
        #expect(quarantined.count == 1 && row.firstLine == 2 && row.rawBytes == [UInt8](broken))
        #expect(row.problem.position.file.hasSuffix(second) && row.problem.position.line != nil)
        #expect(row.problem.problem.contains("ends before its root element closes (inside <recordTarget>)"))
    }

    @Test func quarantinesABrokenArchiveWhole() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (url, _) = try Self.archive(in: directory)
        let bytes = try Data(contentsOf: url)
        try bytes.prefix(bytes.count / 2).write(to: url)
        let events = try Self.events(url.path)
        guard events.count == 1, case .quarantined(let row) = events[0] else {
            Issue.record("\(events)")
            return
        }
        #expect(row.problem.problem.contains("ZIP archive") && row.rawBytes == [UInt8](bytes.prefix(bytes.count / 2)))
    }

    @Test func quarantinesAZIPWithoutTheIndex() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.file("other.zip")
        let archive = try Archive(url: url, accessMode: .create)
        let text = Data("hello".utf8)
        try archive.addEntry(with: "notes.txt", type: .file, uncompressedSize: Int64(text.count)) { position, size in
            text.subdata(in: Int(position)..<Int(position) + size)
        }
        let events = try Self.events(url.path)
        guard case .quarantined(let row) = try #require(events.first) else { return }
        #expect(row.problem.problem.contains("ix08"))
    }

    @Test func readsASingleDocument() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.file("h.xml")
        try Data(CheckupCDAWriter.xml(try CheckupSamples.document()).utf8).write(to: file)
        let events = try Self.events(file.path)
        guard case .record(let record) = try #require(events.first) else { return }
        #expect(record.sender.code == "1311234567" && record.position.line == 1)
    }
}
