import Foundation
import LifecourseCore
import LifecourseTesting
import Testing
@testable import LifecourseStore

@Suite struct StoreReaderDigestTests {
    @Test func coversEveryTableOfEveryZone() throws {
        let test = try TestStore()
        defer { test.remove() }
        let digests = try test.store.read { try $0.contentDigests() }
        #expect(digests.keys.contains("vault.identity"))
        #expect(digests.keys.contains("research.condition_occurrence"))
        #expect(digests.keys.contains("governance.receipt"))
    }

    @Test func changesWhenContentChangesAndNotOtherwise() throws {
        let test = try TestStore()
        defer { test.remove() }
        let empty = try test.store.read { try $0.contentDigests() }
        #expect(try test.store.read { try $0.contentDigests() } == empty)
        try test.store.write { try $0.insertPersonIfNew(try ResearchID(rawValue: 5), sex: .male, birthDate: nil) }
        let after = try test.store.read { try $0.contentDigests() }
        #expect(after["research.person"]?.rows == 1)
        #expect(after["research.person"] != empty["research.person"])
        #expect(after["vault.identity"] == empty["vault.identity"])
    }

    @Test func leavesOutSealedColumnsAndTimestamps() throws {
        let first = try TestStore()
        let second = try TestStore()
        defer { first.remove(); second.remove() }
        for test in [first, second] {
            try test.store.write { transaction in
                let new = NewReceipt(digest: Data([1]), fileName: "secret.UKE", fileSize: 1, format: "claims-medical")
                try transaction.finishReceipt(try transaction.beginReceipt(new), of: new, counts: ReceiptCounts())
            }
        }
        #expect(try first.store.read { try $0.contentDigests() } == second.store.read { try $0.contentDigests() })
    }
}

@Suite struct StoreStateDigestTests {
    @Test func namesTheFilesReceivedAndChangesWithEachNewOne() throws {
        let first = try TestStore(), second = try TestStore()
        defer { first.remove(); second.remove() }
        #expect(try first.store.read { try $0.stateDigest() } == second.store.read { try $0.stateDigest() })
        var states = Set<String>()
        for digest in [Data([1]), Data([2])] {
            for test in [first, second] {
                try test.store.write { transaction in
                    let new = NewReceipt(digest: digest, fileName: "f.UKE", fileSize: 1, format: "claims-medical")
                    try transaction.finishReceipt(try transaction.beginReceipt(new), of: new, counts: ReceiptCounts())
                }
            }
            let state = try first.store.read { try $0.stateDigest() }
            #expect(state == (try second.store.read { try $0.stateDigest() }), "the same files give the same state")
            states.insert(state)
        }
        #expect(states.count == 2 && states.allSatisfy { $0.count == 64 })
    }
}
