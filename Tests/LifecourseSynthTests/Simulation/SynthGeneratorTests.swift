import Foundation
import LifecourseCore
import LifecourseFormats
import LifecourseTesting
import Testing
@testable import LifecourseSynth

@Suite(.serialized) struct SynthGeneratorTests {
    static let config = SynthConfig(persons: 600, seed: 11, firstYear: 2021, lastYear: 2022, prefectures: [13, 47])

    /// Every file under a folder, by relative path.
    static func contents(of directory: TemporaryDirectory) throws -> [String: Data] {
        var files = [String: Data]()
        for url in Fixtures.files(under: directory.url) {
            files[String(url.path.dropFirst(directory.path.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }

    @Test func writesByteIdenticalOutputForTheSameSeed() throws {
        let first = try TemporaryDirectory()
        let second = try TemporaryDirectory()
        let other = try TemporaryDirectory()
        defer { first.remove(); second.remove(); other.remove() }
        _ = try SynthGenerator(config: Self.config).run(to: first.url)
        _ = try SynthGenerator(config: Self.config).run(to: second.url)
        var changed = Self.config
        changed.seed = 12
        _ = try SynthGenerator(config: changed).run(to: other.url)
        let a = try Self.contents(of: first)
        #expect(a.count > 50)
        #expect(a == (try Self.contents(of: second)))
        #expect(a != (try Self.contents(of: other)))
    }

    @Test func writesOnlyTheChosenKindsOfFilesAndTheSameBytes() throws {
        let all = try TemporaryDirectory()
        let some = try TemporaryDirectory()
        defer { all.remove(); some.remove() }
        _ = try SynthGenerator(config: Self.config).run(to: all.url)
        var config = Self.config
        config.outputs = [.claims, .deaths]
        _ = try SynthGenerator(config: config).run(to: some.url)
        let everything = try Self.contents(of: all)
        let chosen = try Self.contents(of: some)
        let folders = Set(chosen.keys.map { String($0.prefix { $0 != "/" }) })
        #expect(folders == ["claims", "deaths", "truth", "manifest.json"])
        for (path, bytes) in chosen where !path.hasPrefix("truth/") && path != "manifest.json" {
            #expect(everything[path] == bytes, "\(path)")
        }
        #expect(chosen.keys.filter { $0.hasPrefix("claims/") }.count
                == everything.keys.filter { $0.hasPrefix("claims/") }.count)
    }

    @Test func writesClaimsThatTheReaderAcceptsWhole() throws {
        let output = try TemporaryDirectory()
        defer { output.remove() }
        let summary = try SynthGenerator(config: Self.config).run(to: output.url)
        var claims = 0
        for file in Fixtures.files(under: output.url.appendingPathComponent("claims")) {
            var decoder = ClaimsFileDecoder(fileName: file.lastPathComponent)
            let events = decoder.decode(try Fixtures.bytes(file)) + decoder.finish()
            for event in events {
                switch event {
                case .claim: claims += 1
                case .quarantined(let claim): Issue.record("\(file.path): \(claim.problem)")
                case .warning(let warning): Issue.record("\(file.path): \(warning)")
                case .unknownRecord(let record): Issue.record("\(file.path): unknown \(record.recordType)")
                default: break
                }
            }
        }
        #expect(claims == summary.claims + summary.dispensingClaims)
        #expect(summary.claims > 1000)
    }

    /// An independent check: Foundation's decoder (not the project's) and the field counts of the layouts
    /// (FORMATS.md for 医科; 記録条件仕様 DPC用 and 歯科用 for DPC and 歯科; the 調剤 layout of the README's formats
    /// section).
    @Test func writesClaimsWithTheFieldCountsOfTheLayout() throws {
        let output = try TemporaryDirectory()
        defer { output.remove() }
        let summary = try SynthGenerator(config: Self.config).run(to: output.url)
        let layouts = [
            "medical": ["IR": 10, "RE": 38, "HO": 15, "KO": 12, "SN": 9, "SY": 8, "SI": 44, "IY": 44, "TO": 48, "CO": 5,
                        "GO": 4, "BU": 6, "SB": 8, "KK": 14, "SK": 7, "GA": 7, "HH": 9, "GT": 12, "CD": 11],
            "dental": ["IR": 10, "RE": 27, "HO": 14, "SN": 9, "HS": 13, "SS": 109, "GO": 4],
            "pharmacy": ["YK": 9, "RE": 42, "HO": 14, "KO": 10, "SN": 9, "SH": 10, "CZ": 71, "IY": 10, "KI": 114,
                         "GO": 4],
        ]
        for (kind, counts) in layouts {
            var seen = Set<String>()
            var claims = 0
            for file in Fixtures.files(under: output.url.appendingPathComponent("claims/\(kind)")) {
                let data = try Data(contentsOf: file)
                let text = try #require(String(data: data, encoding: .shiftJIS), "\(file.path) is not CP932")
                #expect(text.hasSuffix("\r\n"))
                var points = 0
                for line in text.components(separatedBy: "\r\n") where !line.isEmpty {
                    let fields = line.components(separatedBy: ",")
                    seen.insert(fields[0])
                    #expect(counts[fields[0]] == fields.count, "\(file.lastPathComponent): \(line)")
                    if fields[0] == "RE" { claims += 1 }
                    if fields[0] == "HO" { points += Int(fields[5])! }
                    if fields[0] == "GO" { #expect(Int(fields[2]) == points, "\(file.path)") }
                }
            }
            let expectedClaims = switch kind {
            case "medical": summary.claims - summary.dentalClaims
            case "dental": summary.dentalClaims
            default: summary.dispensingClaims
            }
            #expect(claims == expectedClaims, "\(kind)")
            let expected: Set<String> = switch kind {
            case "medical": summary.dpcClaims > 0 ? ["IR", "RE", "HO", "SN", "SY", "SI", "IY", "GO", "BU", "SB", "HH", "CD"]
                : ["IR", "RE", "HO", "SN", "SY", "SI", "IY", "GO"]
            case "dental": ["IR", "RE", "HO", "HS", "SS", "GO"]
            default: ["YK", "RE", "HO", "SN", "SH", "CZ", "IY", "KI", "GO"]
            }
            #expect(seen.isSuperset(of: expected), "\(kind): \(seen)")
        }
        #expect(summary.dispensingClaims > summary.claims / 4)
    }

    /// Every 調剤 claim fills a prescription its prescriber billed (処方箋料) in the same month, for the same person.
    @Test func fillsThePrescriptionsOfInstitutionsWithoutInHouseDispensing() throws {
        let output = try TemporaryDirectory()
        defer { output.remove() }
        _ = try SynthGenerator(config: Self.config).run(to: output.url)
        let truth = try String(contentsOf: output.file("truth/claims.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        var prescribed = Set<String>()
        var filled = [String]()
        var files = [String: [String]]()
        for row in truth {
            let parts = row[0].split(separator: "/").map(String.init)
            let lines = try files[row[0]] ?? String(
                data: try Data(contentsOf: output.url.appendingPathComponent(row[0])), encoding: .shiftJIS)!
                .components(separatedBy: "\r\n")
            files[row[0]] = lines
            let start = lines.firstIndex { $0.hasPrefix("RE,\(row[1]),") }!
            let claim = lines[start...].prefix { $0 == lines[start] || !$0.hasPrefix("RE,") }
            if parts[1] == "medical", claim.contains(where: { $0.hasPrefix("SI,80,1,120002910,") }) {
                prescribed.insert("\(parts[3])|\(parts[4])|\(row[2])")
            } else if parts[1] == "pharmacy" {
                let re = lines[start].components(separatedBy: ",")
                filled.append("\(re[9])\(re[10])\(re[11])|\(parts[4])|\(row[2])")
            }
        }
        #expect(filled.count > 100)
        for slip in filled { #expect(prescribed.contains(slip), "\(slip)") }
    }

    @Test func mapsEveryClaimToItsTruePerson() throws {
        let output = try TemporaryDirectory()
        defer { output.remove() }
        let summary = try SynthGenerator(config: Self.config).run(to: output.url)
        let truth = try String(contentsOf: output.file("truth/claims.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        #expect(truth.count == summary.claims + summary.dispensingClaims)
        let persons = try String(contentsOf: output.file("truth/persons.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst()
        #expect(persons.count == summary.persons)
        for row in truth.prefix(200) {
            let file = output.url.appendingPathComponent(row[0])
            let text = String(data: try Data(contentsOf: file), encoding: .shiftJIS)!
            #expect(text.contains("\r\nRE,\(row[1]),"), "\(row[0]) claim \(row[1])")
            #expect(Int(row[2])! < summary.persons)
        }
    }

    @Test func writesTheIdentityNoiseOfRealFiles() throws {
        let output = try TemporaryDirectory()
        defer { output.remove() }
        var config = Self.config
        config.noise.eraDateInstitutions = 0.5
        config.noise.halfWidthKanaInstitutions = 0.5
        _ = try SynthGenerator(config: config).run(to: output.url)
        var eraDated = false
        var halfWidth = false
        var fullWidthCards = false
        for file in Fixtures.files(under: output.url.appendingPathComponent("claims")) {
            let text = String(data: try Data(contentsOf: file), encoding: .shiftJIS)!
            let header = text.prefix { $0 != "\r" }.components(separatedBy: ",")
            if header[0] == "IR", header[7].count == 5 { eraDated = true }
            if text.unicodeScalars.contains(where: { (0xFF66...0xFF9D).contains($0.value) }) { halfWidth = true }
            if text.contains("HO,") && text.unicodeScalars.contains(where: { (0xFF10...0xFF19).contains($0.value) }) {
                fullWidthCards = true
            }
        }
        #expect(eraDated)
        #expect(halfWidth)
        #expect(fullWidthCards)
        // Twins and siblings share a card number with different 枝番.
        let persons = try String(contentsOf: output.file("truth/persons.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let cards = Dictionary(grouping: persons) { "\($0[10])|\($0[11])|\($0[12])" }
        #expect(cards.values.contains { group in Set(group.map { $0[13] }).count > 1 })
    }
}

@Suite struct SynthDeathCertificateTests {
    @Test func writesACertificateForEveryDeath() throws {
        let output = try TemporaryDirectory()
        defer { output.remove() }
        let summary = try SynthGenerator(config: SynthGeneratorTests.config).run(to: output.url)
        #expect(summary.deaths > 0)
        var rows = 0
        for file in Fixtures.files(under: output.url.appendingPathComponent("deaths")) {
            let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines[0].hasPrefix("受理市区町村,受理番号,氏名"))
            for line in lines.dropFirst() {
                let fields = line.components(separatedBy: ",")
                #expect(fields.count == DeathCertificateCSV.header.count, "\(line)")
                #expect(fields[12].range(of: #"^[A-Z][0-9]{2,3}$"#, options: .regularExpression) != nil, "\(fields[12])")
                #expect(fields[6] >= fields[5])
                rows += 1
            }
        }
        let truth = try String(contentsOf: output.file("truth/deaths.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst()
        #expect(rows == truth.count)
        #expect(rows == summary.deaths)
    }

    /// Round trip: the reader gives back, row by row, the true person's name, birth date and death date.
    @Test func certificatesReadBackAsTheTruePersonsDeath() throws {
        let output = try TemporaryDirectory()
        defer { output.remove() }
        _ = try SynthGenerator(config: SynthGeneratorTests.config).run(to: output.url)
        func rows(_ path: String) throws -> [[String]] {
            try String(contentsOf: output.file(path), encoding: .utf8).split(separator: "\n").dropFirst()
                .map { $0.components(separatedBy: ",") }
        }
        let persons = Dictionary(uniqueKeysWithValues: try rows("truth/persons.csv").map { ($0[0], $0) })
        let truth = Dictionary(uniqueKeysWithValues: try rows("truth/deaths.csv").map { ("\($0[0])#\($0[1])", $0[2]) })
        var read = 0
        for file in Fixtures.files(under: output.url.appendingPathComponent("deaths")) {
            let relative = "deaths/" + file.pathComponents.suffix(2).joined(separator: "/")
            try DeathFileReader(path: file.path).forEachEvent { event in
                guard case .record(let record) = event else {
                    Issue.record("\(file.path): \(event)")
                    return
                }
                read += 1
                let number = (record.position.line ?? 0) - 1
                let person = try #require(truth["\(relative)#\(number)"].flatMap { persons[$0] })
                #expect(record.identity.name == person[3] + "　" + person[4])
                #expect(record.identity.kanaName == person[5] + "　" + person[6])
                #expect(record.identity.birthDate?.description == person[2])
                #expect(record.death?.date.description == person[14])
                #expect(record.sender.code == relative.split(separator: "/")[1])
            }
        }
        #expect(read == truth.count && read > 0)
    }
}

@Suite struct SynthLongTermCareTests {
    @Test func writesCertificationsAndClaimsInTheDocumentedLayout() throws {
        let output = try TemporaryDirectory()
        defer { output.remove() }
        let summary = try SynthGenerator(config: SynthGeneratorTests.config).run(to: output.url)
        #expect(summary.careFiles > 0)
        let levels = Set(CareLevel.allCases.map(\.rawValue))
        var certifications = 0
        var claims = 0
        for file in Fixtures.files(under: output.url.appendingPathComponent("care")) {
            let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }
            var units = 0
            for line in lines {
                let fields = line.components(separatedBy: ",")
                switch fields[0] {
                case "NT":
                    #expect(fields.count == 11)
                    #expect(levels.contains(fields[7]))
                    #expect(fields[2].count == 10 && fields[1].count == 6)
                    certifications += 1
                case "01":
                    #expect(fields.count == 8)
                    #expect(levels.contains(fields[7]))
                    units = 0
                    claims += 1
                case "02":
                    #expect(fields.count == 4)
                    units += Int(fields[2])!
                case "16":
                    #expect(fields.count == 2 && !fields[1].isEmpty)
                case "10":
                    #expect(Int(fields[1]) == units)
                default:
                    Issue.record("unknown record \(fields[0]) in \(file.lastPathComponent)")
                }
            }
        }
        #expect(certifications > 0)
        #expect(claims > certifications)
    }

    /// Round trip: every certification and claim the generator writes is read back whole, each claim with the
    /// services its 10 record totals.
    @Test func certificationsAndClaimsReadBackWhole() throws {
        let output = try TemporaryDirectory()
        defer { output.remove() }
        _ = try SynthGenerator(config: SynthGeneratorTests.config).run(to: output.url)
        var kinds = [String: Int]()
        for file in Fixtures.files(under: output.url.appendingPathComponent("care")) {
            try CareFileReader(path: file.path).forEachEvent { event in
                switch event {
                case .record(let record):
                    #expect(record.identity.careInsurance?.insuredNumber.count == 10)
                    switch record.care {
                    case .certification(let certification):
                        #expect(certification.validFrom <= certification.validUntil)
                        #expect(record.identity.name != nil)
                        kinds["NT", default: 0] += 1
                    case .claim(let claim):
                        #expect(!claim.services.isEmpty)
                        #expect(claim.providerNumber.count == 10)
                        kinds["01", default: 0] += 1
                        kinds["16", default: 0] += record.freeText.count
                    case nil:
                        Issue.record("\(file.path): a care record without care facts")
                    }
                case .quarantined(let row):
                    Issue.record("\(file.path): \(row.problem)")
                case .warning(let problem):
                    Issue.record("\(file.path): \(problem)")
                }
            }
        }
        #expect(kinds["NT", default: 0] > 0 && kinds["01", default: 0] > kinds["NT", default: 0])
        #expect(kinds["16", default: 0] > 0, "摘要 of certification months and deaths")
    }
}
