import ArgumentParser
import LifecourseStore

struct ReceiptsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receipts",
        abstract: "List receipt records (受領記録): every file received, when, from whom, and what became of it."
    )

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let receipts = try dataOptions.openExistingStore().read { try $0.receipts() }
        if output.json { return try Console.printJSON(receipts) }
        Console.printTable(
            header: ["receipt", "received at", "institution", "read", "accepted", "quarantined", "sha256", "file"],
            rows: receipts.map { receipt in
                [String(receipt.id), receipt.receivedAt, receipt.institution ?? "-", String(receipt.unitsRead),
                 String(receipt.unitsAccepted), String(receipt.unitsQuarantined), String(receipt.sha256.prefix(12)),
                 receipt.fileName]
            })
    }
}
