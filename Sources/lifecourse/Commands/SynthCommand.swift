import ArgumentParser
import Foundation
import LifecourseSynth

struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Generate a synthetic population and write what each institution would send.",
        discussion: """
            Writes claims files per institution, month and payer under OUT/claims, and the ground truth (who \
            everyone really is, and which person each claim is about) under OUT/truth. The same options give \
            byte-identical output.
            """
    )

    @OptionGroup var population: PopulationOptions

    @Option(help: ArgumentHelp("Where to write.", valueName: "dir"))
    var out: String

    func run() throws {
        let config = try population.config()
        let line = ProgressLine(mode: .auto)
        let summary = try SynthGenerator(config: config).run(to: URL(fileURLWithPath: out)) { state in
            line.update("\(state.month): \(state.claims) claims written")
        }
        line.finish()
        print("""
            wrote \(summary.claims) 医科 claims in \(summary.claimsFiles) files, \(summary.dispensingClaims) 調剤 claims in \
            \(summary.dispensingFiles) files, \(summary.checkups) 特定健診 results in \(summary.checkupArchives) archives, \
            \(summary.ssmix2Files) SS-MIX2 files, \(summary.fhirFiles) FHIR bundles, \(summary.careFiles) care files and \
            \(summary.deathFiles) death files from \(summary.institutions) institutions for \(summary.persons) persons \
            (\(summary.births) born, \(summary.deaths) died) to \(out)
            """)
    }
}
