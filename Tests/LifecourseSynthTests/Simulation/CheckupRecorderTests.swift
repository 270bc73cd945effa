import Foundation
import LifecourseCore
import LifecourseTesting
import Testing
@testable import LifecourseSynth

@Suite(.serialized) struct CheckupRecorderTests {
    static let config = SynthGeneratorTests.config

    @Test func writesOneArchivePerCentreInsurerAndMonthWithTheTruthOfEveryDocument() throws {
        let output = try TemporaryDirectory()
        defer { output.remove() }
        let summary = try SynthGenerator(config: Self.config).run(to: output.url)
        #expect(summary.checkups > 50)
        let truth = try String(contentsOf: output.file("truth/checkups.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        #expect(truth.count == summary.checkups)
        let archives = Fixtures.files(under: output.url.appendingPathComponent("checkups"))
        #expect(archives.count == summary.checkupArchives)
        var documents = Set<String>()
        for archive in archives {
            let files = try ZIPContents.files(of: archive)
            let root = archive.deletingPathExtension().lastPathComponent
            let data = files.filter { $0.path.hasPrefix(root + "/DATA/h") }
            #expect(files.map(\.path).prefix(2) == [root + "/ix08_V08.xml", root + "/su08_V08.xml"])
            let index = String(decoding: files[0].data, as: UTF8.self)
            #expect(index.contains("<totalRecordCount value=\"\(data.count)\"/>"))
            for file in data {
                documents.insert("checkups/\(archive.deletingLastPathComponent().lastPathComponent)/"
                                 + "\(archive.lastPathComponent),\(file.path.split(separator: "/").last!)")
            }
        }
        #expect(Set(truth.map { "\($0[0]),\($0[1])" }) == documents)
    }

    /// Everyone examined is 40–74 at the end of the fiscal year, and the questionnaire follows their treatment.
    @Test func examinesOnlyTheEligibleAges() throws {
        let output = try TemporaryDirectory()
        defer { output.remove() }
        _ = try SynthGenerator(config: Self.config).run(to: output.url)
        for archive in Fixtures.files(under: output.url.appendingPathComponent("checkups")) {
            for file in try ZIPContents.files(of: archive) where file.path.contains("/DATA/") {
                let xml = String(decoding: file.data, as: UTF8.self)
                let birth = try #require(Self.attribute("birthTime", in: xml))
                let exam = try #require(Self.attribute("effectiveTime", in: xml, after: "<serviceEvent>"))
                let examDate = try CalendarDate(iso: exam)
                let fiscalYear = examDate.month >= 4 ? examDate.year : examDate.year - 1
                let age = try CalendarDate(year: fiscalYear + 1, month: 3, day: 31).age(bornOn: try CalendarDate(iso: birth))
                // A registry's wrong birth day may move the written age by one at the edges.
                #expect((39...75).contains(age), "\(file.path): \(birth) \(exam)")
            }
        }
    }

    /// The independent check: every XML file of every archive is well-formed for `xmllint` (libxml2).
    @Test func writesXMLThatXmllintAccepts() throws {
        guard ExternalTool.works(["xmllint", "--version"]) else {
            print("skipped: xmllint is not installed (Scripts/bootstrap installs libxml2-utils)")
            return
        }
        let output = try TemporaryDirectory()
        let extracted = try TemporaryDirectory()
        defer { output.remove(); extracted.remove() }
        _ = try SynthGenerator(config: Self.config).run(to: output.url)
        var paths = [String]()
        for archive in Fixtures.files(under: output.url.appendingPathComponent("checkups")) {
            for file in try ZIPContents.files(of: archive) {
                let url = extracted.url.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.data.write(to: url)
                paths.append(url.path)
            }
        }
        #expect(paths.count > 100)
        for chunk in stride(from: 0, to: paths.count, by: 500) {
            let result = try #require(ExternalTool.run(["xmllint", "--noout"] + paths[chunk..<min(paths.count, chunk + 500)]))
            #expect(result.status == 0, "\(result.output.prefix(2000))")
        }
    }

    static func attribute(_ element: String, in xml: String, after marker: String = "") -> String? {
        let start = marker.isEmpty ? xml.startIndex : xml.range(of: marker)?.upperBound ?? xml.startIndex
        guard let tag = xml.range(of: "<\(element) value=\"", range: start..<xml.endIndex) else { return nil }
        return String(xml[tag.upperBound...].prefix { $0 != "\"" })
    }
}
