import ArgumentParser
import Foundation
import LifecourseIngest
import LifecourseLinkage
import LifecourseStore
import LifecourseSynth

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the whole path on a synthetic population: generate, ingest, link, and show what happened.",
        discussion: """
            Generates a synthetic population (default 2,000 persons in 東京都 (--prefectures 13) over 2023–2024, \
            seed 42) into \
            DATA/synthetic — claims, hospitals' SS-MIX2 storages, 特定健診 archives, clinics' FHIR bundles, death \
            certificates and care records, or the kinds --formats names — ingests \
            every file the readers support into DATA, links persons, and prints the \
            files, claims, persons and research IDs, with the commands to look further. Run it again and the \
            files are already received: nothing changes.
            """
    )

    @OptionGroup var dataOptions: DataOptions

    @OptionGroup var population: PopulationOptions

    func run() throws {
        var config = try population.config()
        if population.prefectures == nil { config.prefectures = [13] }
        // The demo writes every kind of file, and ingests them all.
        let synthetic = URL(fileURLWithPath: dataOptions.data).appendingPathComponent("synthetic")
        let line = ProgressLine(mode: .auto)
        print("1/3 generating \(config.persons) persons, \(config.firstYear)–\(config.lastYear), seed \(config.seed) "
              + "→ \(synthetic.path)")
        let generated = try SynthGenerator(config: config).run(to: synthetic) { state in
            line.update("  \(state.month): \(state.claims) claims")
        }
        line.finish()
        print("    \(generated.claims) 医科 claims in \(generated.claimsFiles) files and \(generated.dispensingClaims) 調剤 "
              + "claims in \(generated.dispensingFiles) files from \(generated.institutions) institutions "
              + "(\(generated.births) births, \(generated.deaths) deaths)")

        print("2/3 ingesting into \(dataOptions.data)")
        let store = try dataOptions.openStore()
        // Claims (医科, DPC, 歯科 and 調剤), hospitals' SS-MIX2 storages, 特定健診 archives, clinics' FHIR bundles,
        // death certificates and care records.
        let folders = ["claims", "ssmix2", "checkups", "fhir", "deaths", "care"].map { synthetic.appendingPathComponent($0).path }
            .filter { FileManager.default.fileExists(atPath: $0) }
        let reports = try Ingestor(store: store).ingest(paths: folders) { state in
            line.update(state.isBuildingIndexes ? "  building the indexes by person"
                                                : "  [\(state.fileIndex + 1)/\(state.fileCount)] \(state.unitsRead) units")
        }
        line.finish()
        try IngestCommand.flush(store)
        let ingested = reports.filter { $0.status == .ingested }
        let again = reports.filter { $0.status == .alreadyReceived || $0.status == .unchanged }.count
        let failed = reports.filter { $0.status == .failed }
        print("    \(ingested.count) files received, \(again) already received before, \(failed.count) not readable; "
              + "\(reports.reduce(0) { $0 + $1.acceptedNow }) units (claims, medical records, checkups, FHIR patients and visits, deaths, care records) accepted, "
              + "\(reports.reduce(0) { $0 + $1.quarantinedNow }) quarantined")
        for report in failed.prefix(3) { print("    \(report.message ?? report.file)") }

        print("3/3 linking (名寄せ beyond exact keys)")
        let run = try VaultLinkage(store: store).run()
        let (count, withClaims, sample) = try store.read { reader in
            let persons = try reader.persons(limit: .max)
            // The persons with the most rows make the best first look.
            return (persons.count, persons.filter { $0.claims > 0 }.count,
                    Array(persons.sorted { ($0.rows, $1.researchID.rawValue) > ($1.rows, $0.researchID.rawValue) }.prefix(3)))
        }
        let truePersons = try Self.truePersonsWithClaims(synthetic)
        print("    the probabilistic tier merged \(run.merges) research IDs that exact keys kept apart (new card, name "
              + "written differently, records without a card); \(run.reviewPairs) pairs wait for review")
        print("    \(count) research IDs, \(withClaims) of them with claims, for \(truePersons) true persons with claims")
        for person in sample {
            print("    \(person.researchID)  \(person.sex.japaneseName)  born \(person.birthYear.map(String.init) ?? "-")  "
                  + "\(person.claims) claims, \(person.rows) rows")
        }
        let data = dataOptions.data == "./lifecourse-data" ? "" : " --data \(dataOptions.data)"
        print("""

            next:
              lifecourse persons\(data)                 research IDs with their sources and rows
              lifecourse summary \(sample.first?.researchID.description ?? "<research-id>")\(data)   one person's history
              lifecourse receipts\(data)                receipt records (受領記録)
              lifecourse link-eval --truth \(synthetic.path)/truth\(data)
                                                  the research IDs against the generator's truth
              lifecourse review\(data)                  pairs the linker was unsure about
              lifecourse quarantine\(data)              units that could not be read
            """)
    }

    /// Distinct persons in the ground truth's claims (the demo's own check, not the product's).
    static func truePersonsWithClaims(_ synthetic: URL) throws -> Int {
        let text = try String(contentsOf: synthetic.appendingPathComponent("truth/claims.csv"), encoding: .utf8)
        return Set(text.split(separator: "\n").dropFirst().compactMap { $0.split(separator: ",").last }).count
    }
}
