import Foundation
import LifecourseTesting
import Testing
@testable import LifecourseStore

@Suite struct StoreTransactionGovernanceTests {
    @Test func recordsReceiptsWithTheirCountsAndWarnings() throws {
        let test = try TestStore()
        defer { test.remove() }
        try test.store.write { transaction throws in
            let new = NewReceipt(digest: Data([0xAB, 0xCD]), fileName: "RECEIPTC.UKE", fileSize: 123,
                                 format: "claims-medical")
            let id = try transaction.beginReceipt(new)
            var counts = ReceiptCounts()
            counts.institution = "1310000011"
            counts.recordsRead = 10
            counts.unitsRead = 3
            counts.unitsAccepted = 2
            counts.unitsQuarantined = 1
            counts.warnings = ["GO 総件数 is 3"]
            try transaction.finishReceipt(id, of: new, counts: counts)
        }
        let receipt = try #require(try test.store.read { try $0.receipt(digest: Data([0xAB, 0xCD])) })
        #expect(receipt.sha256 == "abcd")
        // What finishing a receipt returns is what reading it back gives.
        let written = NewReceipt(digest: Data([0x01]), fileName: "RECEIPTY.UKE", fileSize: 9, format: "claims-pharmacy")
        var counts = ReceiptCounts()
        counts.unitsRead = 4
        counts.unitsAccepted = 4
        counts.warnings = ["GO 総合計点数 is 1"]
        let finished = try test.store.write { transaction in
            try transaction.finishReceipt(try transaction.beginReceipt(written), of: written, counts: counts)
        }
        #expect(try test.store.read { try $0.receipt(digest: Data([0x01])) } == finished)
        #expect(receipt.fileName == "RECEIPTC.UKE")
        #expect(receipt.unitsAccepted == 2)
        #expect(receipt.warnings == ["GO 総件数 is 3"])
        #expect(try test.store.read { try $0.receipts() }.first == receipt)
    }

    @Test func keepsQuarantinedUnitsEncryptedAndReadable() throws {
        let test = try TestStore()
        defer { test.remove() }
        let raw = Array("RE,2,1112,202110,秘密　太郎,1\r\n".data(using: .shiftJIS)!)
        try test.store.write { transaction throws in
            let id = try transaction.beginReceipt(NewReceipt(digest: Data([1]), fileName: "F.UKE", fileSize: 1,
                                                             format: "claims-medical"))
            try transaction.quarantine(NewQuarantineEntry(
                firstLine: 5, lastLine: 9, problemLine: 7, problemColumn: 3, problemCount: 2,
                problem: "F.UKE, line 7: 秘密 is wrong", raw: Data(raw)), receiptID: id)
        }
        let entries = try test.store.read { try $0.quarantine(includeRaw: true) }
        #expect(entries.count == 1)
        #expect(entries[0].problemLine == 7)
        #expect(entries[0].problem == "F.UKE, line 7: 秘密 is wrong")
        #expect(entries[0].rawText == "RE,2,1112,202110,秘密　太郎,1\r\n")
        #expect(try test.store.read { try $0.quarantine() }[0].rawText == nil)
        let bytes = try test.allBytes()
        #expect(!bytes.contains(bytes: Array("秘密".utf8)))
        #expect(!bytes.contains(bytes: Array("F.UKE".utf8)))
    }

    @Test func remembersAPathWithItsSizeTimeAndDigest() throws {
        let test = try TestStore()
        defer { test.remove() }
        let key = test.store.keys.blindKey("/in/a.UKE", kind: "path")
        #expect(try test.store.read { try $0.receivedPath(key: key) } == nil)
        let first = ReceivedPath(size: 10, modifiedNS: 1_700_000_000_123_456_789, digest: Data([1, 2]))
        try test.store.write { try $0.rememberPath(key: key, as: first) }
        #expect(try test.store.read { try $0.receivedPath(key: key) } == first)
        let changed = ReceivedPath(size: 11, modifiedNS: 1_700_000_001_000_000_000, digest: Data([3]))
        try test.store.write { try $0.rememberPath(key: key, as: changed) }
        #expect(try test.store.read { try $0.receivedPath(key: key) } == changed)
    }

    @Test func deletesAReceiptWithItsQuarantine() throws {
        let test = try TestStore()
        defer { test.remove() }
        try test.store.write { transaction throws in
            let id = try transaction.beginReceipt(NewReceipt(digest: Data([1]), fileName: "F", fileSize: 1, format: "x"))
            try transaction.quarantine(NewQuarantineEntry(firstLine: 1, lastLine: 1, problemLine: 1, problemColumn: nil,
                                                          problemCount: 1, problem: "p", raw: Data()), receiptID: id)
            try transaction.deleteReceipt(id)
        }
        #expect(try test.store.read { try $0.receipts() }.isEmpty)
        #expect(try test.store.read { try $0.quarantine() }.isEmpty)
    }

    @Test func checkingAFileReceivedBeforeUsesIndexesNotScans() throws {
        let test = try TestStore()
        defer { test.remove() }
        let plan = try test.store.read { try $0.queryPlan(StoreReader.unitCountSQL) }
        #expect(plan.allSatisfy { !$0.hasPrefix("SCAN") }, "\(plan)")
        #expect(plan.contains { $0.contains("source_record_file") }, "\(plan)")
    }
}
