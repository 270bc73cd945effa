import Foundation
import LifecourseCore
import LifecourseStore
import LifecourseTesting
import Testing

@Suite struct ReleaseCommandTests {
    static let spec = """
        { "name": "test-2024", "recipient": "○○大学 (申出 2026-001)",
          "cohort": { "from": "2024-01-01", "to": "2024-12-31", "ages": { "from": 20 } },
          "tables": { "person": ["sex", "age", "prefecture"], "condition": ["code", "icd10", "outcome"],
                      "drug": ["code", "yj", "quantity", "days"], "measurement": ["item", "value", "unit"] },
          "rules": { "dateShiftDays": 30, "ageTopCode": 90 },
          "privacy": { "k": 5, "suppressionLimit": 0.05 } }
        """

    static func csv(_ url: URL) throws -> [[String]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// A generated population released twice: what the files hold, what they do not, and what the store recorded.
    @Test func releasesAGeneratedPopulationSafely() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lifecourse = try CommandRunner()
        let data = directory.file("data").path
        #expect(try lifecourse.run(["synth", "--persons", "800", "--years", "2024", "--prefectures", "13,27",
                                    "--out", directory.file("population").path]).status == 0)
        let kinds = try FileManager.default.contentsOfDirectory(atPath: directory.file("population").path)
            .filter { $0 != "truth" && !$0.hasSuffix(".json") }.map { directory.file("population").appendingPathComponent($0).path }
        let ingest = try lifecourse.run(["ingest"] + kinds + ["--data", data, "--progress", "never"])
        #expect(ingest.status == 0, "\(ingest.standardError)")
        #expect(try lifecourse.run(["link", "--data", data]).status == 0)
        let store = try SQLiteStore.open(directory: URL(fileURLWithPath: data), environment: [:])
        let researchIDs = Set(try store.read { reader in try reader.releaseCohort(CohortFilter()) }.map(\.id.description))
        // One person opts out.
        let optedOut = researchIDs.sorted()[3]
        try Data("# opted out\n\(optedOut)\n".utf8).write(to: directory.file("optout.txt"))
        try Data(Self.spec.utf8).write(to: directory.file("spec.json"))
        var releases = [URL]()
        for name in ["one", "two"] {
            let output = directory.file(name)
            let result = try lifecourse.run(["release", directory.file("spec.json").path, "--output", output.path, "--data", data,
                                             "--opted-out", directory.file("optout.txt").path, "--by", "審査委員会",
                                             "--reason", "申出 2026-001 承認"])
            #expect(result.status == 0, "\(result.standardError)")
            releases.append(output)
        }

        var pseudonymsOf = [Set<String>]()
        for release in releases {
            // No name, no free text (both Japanese), no research ID in any data file.
            for file in ["person.csv", "condition.csv", "drug.csv", "measurement.csv"] {
                let text = try String(contentsOf: release.appendingPathComponent(file), encoding: .utf8)
                let japanese = text.unicodeScalars.filter { (0x3040...0x30FF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value) }
                #expect(japanese.isEmpty, "\(file) holds \(String(String.UnicodeScalarView(japanese.prefix(20))))")
                #expect(text.range(of: #"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"#, options: .regularExpression) == nil)
            }
            let persons = try Self.csv(release.appendingPathComponent("person.csv"))
            #expect(persons[0] == ["pseudonym", "sex", "age", "prefecture"])
            let pseudonyms = Set(persons.dropFirst().map { $0[0] })
            #expect(pseudonyms.count == persons.count - 1 && pseudonyms.isDisjoint(with: researchIDs))
            pseudonymsOf.append(pseudonyms)
            // k = 5 on the declared quasi-identifiers, counted from the file.
            var classes = [[String]: Int]()
            for row in persons.dropFirst() { classes[Array(row[1...3]), default: 0] += 1 }
            #expect(classes.values.allSatisfy { $0 >= 5 }, "\(classes.filter { $0.value < 5 })")
            // Every row of the other tables belongs to a released person.
            for file in ["condition.csv", "drug.csv", "measurement.csv"] {
                let rows = try Self.csv(release.appendingPathComponent(file)).dropFirst()
                #expect(!rows.isEmpty && rows.allSatisfy { pseudonyms.contains($0[0]) }, "\(file)")
            }
        }
        #expect(pseudonymsOf[0].isDisjoint(with: pseudonymsOf[1]), "two releases cannot be joined by their pseudonyms")

        // The store's provision records list exactly the released persons, with their pseudonyms; not the opted out.
        let records = try store.read { try $0.provisionRecords() }
        #expect(records.count == 2)
        for (record, pseudonyms) in zip(records, pseudonymsOf) {
            #expect(Set(record.persons.map(\.pseudonym)) == pseudonyms && record.persons.count == pseudonyms.count)
            #expect(!record.persons.contains { $0.id.description == optedOut })
            #expect(record.recipient == "○○大学 (申出 2026-001)" && record.mode == "anonymized")
        }
        let file = try JSONSerialization.jsonObject(with: Data(contentsOf: releases[0].appendingPathComponent("provision-record.json"))) as? [String: Any]
        #expect(file?["persons"] as? Int == pseudonymsOf[0].count && file?["recipient"] as? String == "○○大学 (申出 2026-001)")
        // Each person's dates moved by one shift of 1 to 30 days, the same for all their rows.
        let idOf = Dictionary(uniqueKeysWithValues: records[0].persons.map { ($0.pseudonym, $0.id) })
        let released = try Self.csv(releases[0].appendingPathComponent("drug.csv")).dropFirst()
        let stored = try store.read { try $0.releaseRows(.drug, persons: Array(idOf.values), from: "2024-01-01", to: "2024-12-31") }
        var storedDates = [ResearchID: [Int]](), releasedDates = [ResearchID: [Int]]()
        for row in stored { storedDates[row.person, default: []].append(try CalendarDate(iso: row.date).daysSinceEpoch) }
        for row in released { releasedDates[idOf[row[0]]!, default: []].append(try CalendarDate(iso: row[1]).daysSinceEpoch) }
        #expect(!storedDates.isEmpty && storedDates.keys.sorted() == releasedDates.keys.sorted())
        for (person, days) in storedDates {
            let shifts = Set(zip(days.sorted(), releasedDates[person]!.sorted()).map { $1 - $0 })
            #expect(shifts.count == 1 && (1...30).contains(abs(shifts.first!)), "\(person): \(shifts)")
        }
        let audit = try store.read { try $0.auditEvents(action: "release") }
        #expect(audit.count == 2 && audit.allSatisfy { $0.actor == "審査委員会" })
        #expect(try lifecourse.run(["release", directory.file("spec.json").path, "--output", releases[0].path, "--data", data,
                                    "--by", "x", "--reason", "y"]).standardError.contains("holds a release already"))
    }

    /// 仮名加工: the clinical detail as stored (dates, codes, values), pseudonyms instead of research IDs.
    @Test func aPseudonymizedReleaseKeepsTheClinicalDetail() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lifecourse = try CommandRunner()
        let data = directory.file("data").path
        _ = try lifecourse.run(["synth", "--persons", "150", "--years", "2024", "--formats", "claims,checkups", "--out", directory.file("p").path])
        _ = try lifecourse.run(["ingest", directory.file("p").appendingPathComponent("claims").path,
                                directory.file("p").appendingPathComponent("checkups").path, "--data", data, "--progress", "never"])
        try Data("""
            { "name": "pseudo", "recipient": "認定利用事業者 A", "mode": "pseudonymized",
              "tables": { "person": ["sex", "age"], "measurement": ["item", "value", "unit"] } }
            """.utf8).write(to: directory.file("spec.json"))
        let result = try lifecourse.run(["release", directory.file("spec.json").path, "--output", directory.file("o").path,
                                         "--data", data, "--by", "x", "--reason", "y"])
        #expect(result.status == 0, "\(result.standardError)")
        let store = try SQLiteStore.open(directory: URL(fileURLWithPath: data), environment: [:])
        let record = try #require(try store.read { try $0.provisionRecords() }.first)
        let stored = try store.read { try $0.releaseRows(.measurement, persons: record.persons.map(\.id), from: nil, to: nil) }
        let pseudonym = Dictionary(uniqueKeysWithValues: record.persons.map { ($0.id, $0.pseudonym) })
        let expected = stored.map { [pseudonym[$0.person]!, $0.date, $0.values["item"]!, $0.values["value"]!, $0.values["unit"]!] }
        let released = try Self.csv(directory.file("o").appendingPathComponent("measurement.csv")).dropFirst()
        #expect(!expected.isEmpty && released.map { $0 }.sorted { $0.lexicographicallyPrecedes($1) }
            == expected.sorted { $0.lexicographicallyPrecedes($1) })
        #expect(record.mode == "pseudonymized")
    }

    @Test func refusesASpecificationWithEveryProblemAtOnce() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lifecourse = try CommandRunner()
        try Data("""
            { "name": "", "recipient": "x", "tables": { "person": ["sex", "name"], "notes": ["text"] },
              "cohort": { "from": "2024-13-01" }, "privacy": { "k": 1 } }
            """.utf8).write(to: directory.file("spec.json"))
        _ = try lifecourse.run(["synth", "--persons", "20", "--years", "2024", "--out", directory.file("p").path])
        _ = try lifecourse.run(["ingest", directory.file("p").appendingPathComponent("claims").path, "--data",
                                directory.file("d").path, "--progress", "never"])
        let error = try lifecourse.run(["release", directory.file("spec.json").path, "--output", directory.file("o").path,
                                        "--data", directory.file("d").path, "--by", "x", "--reason", "y"]).standardError
        for problem in ["5 problems", "name is empty", "'name' is not a field", "tables.notes is not a table",
                        "cohort.from '2024-13-01' is not a date", "privacy.k must be at least 2"] {
            #expect(error.contains(problem), "\(problem) in \(error)")
        }
    }
}
