import Foundation
import LifecourseTesting
import Testing

@Suite struct LifecourseHelpTests {
    @Test func listsEverySubcommand() throws {
        let help = try CommandRunner().run(["--help"]).standardOutput
        for command in ["demo", "ingest", "receipts", "quarantine", "persons", "summary", "synth"] {
            #expect(help.contains("  \(command) "), "\(command)")
        }
    }

    @Test func explainsTheExitStatusOfIngest() throws {
        let help = try CommandRunner().run(["ingest", "--help"]).standardOutput
        #expect(help.contains("--data <dir>"))
        #expect(help.contains("--json"))
        #expect(help.replacingOccurrences(of: "\n", with: " ").contains("3 when some units"), "however the text wraps")
    }
}
