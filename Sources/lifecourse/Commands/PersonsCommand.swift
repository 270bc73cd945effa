import ArgumentParser
import LifecourseStore

struct PersonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "persons",
        abstract: "List research IDs with the counts of their sources and rows, in order of first appearance."
    )

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Show at most this many persons.")
    var limit: Int = 1000

    @Option(help: "Skip this many persons first.")
    var offset: Int = 0

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        guard offset >= 0 else { throw ValidationError("--offset cannot be negative") }
    }

    func run() throws {
        let persons = try dataOptions.openExistingStore().read { try $0.persons(limit: limit, offset: offset) }
        if output.json { return try Console.printJSON(persons) }
        Console.printTable(
            header: ["research ID", "sex", "born", "institutions", "files", "claims", "rows"],
            rows: persons.map { person in
                [person.researchID.description, person.sex.japaneseName, person.birthYear.map(String.init) ?? "-",
                 String(person.institutions), String(person.files), String(person.claims), String(person.rows)]
            })
    }
}
