import Foundation
import LifecourseFormats
import LifecourseTesting
import Testing
@testable import LifecourseSynth

@Suite struct SSMIX2RecorderTests {
    static let config = SynthConfig(persons: 800, seed: 21, firstYear: 2024, lastYear: 2024, prefectures: [13])

    @Test func writesStorageTreesThatFollowTheRules() throws {
        let output = try TemporaryDirectory()
        defer { output.remove() }
        let summary = try SynthGenerator(config: Self.config).run(to: output.url)
        let root = output.url.appendingPathComponent("ssmix2")
        let files = Fixtures.files(under: root)
        #expect(files.count == summary.ssmix2Files)
        #expect(files.count > 100)
        let pattern = #"^(\d+)_(\d{8}|-)_(ADT-00|ADT-12|ADT-22|ADT-52|PPR-01|OMP-01|OML-11)_\d{15}_\d{17}_(\d{2}|-)_[012]$"#
        var types = Set<String>()
        for file in files {
            let parts = file.path.dropFirst(root.path.count + 1).split(separator: "/").map(String.init)
            #expect(parts.count == 7, "\(file.path)")
            let name = parts[6]
            let match = try #require(try Regex(pattern).wholeMatch(in: name), "\(name)")
            let fields = name.split(separator: "_").map(String.init)
            #expect(parts[1] == String(fields[0].prefix(3)) && parts[2] == String(fields[0].dropFirst(3).prefix(3)))
            #expect(parts[3] == fields[0] && parts[4] == fields[1] && parts[5] == fields[2])
            _ = match
            types.insert(fields[2])
            let bytes = try Fixtures.bytes(file)
            let text = try ISO2022JPDecoder.decode(bytes)
            #expect(text == String(data: Data(bytes), encoding: .iso2022JP), "\(name)")
            #expect(text.hasPrefix("MSH|^~\\&|") && text.hasSuffix("\r"))
        }
        #expect(types.isSuperset(of: ["ADT-00", "ADT-12", "PPR-01", "OMP-01", "OML-11"]))
    }

    /// The independent check: `Scripts/check-hl7.py` parses every message with the `hl7` package from PyPI.
    @Test func writesMessagesThatAThirdPartyHL7ParserReads() throws {
        guard Self.pythonHasHL7 else {
            print("skipped: python3 with the `hl7` package is not installed (Scripts/bootstrap installs it)")
            return
        }
        let output = try TemporaryDirectory()
        defer { output.remove() }
        _ = try SynthGenerator(config: Self.config).run(to: output.url)
        let script = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Scripts/check-hl7.py")
        let report = try #require(ExternalTool.run(["python3", script.path, output.url.appendingPathComponent("ssmix2").path]))
        #expect(report.status == 0, "\(report.output.suffix(2000))")
        #expect(report.output.contains("0 problems"))
    }

    static var pythonHasHL7: Bool { ExternalTool.works(["python3", "-c", "import hl7"]) }
}
