import Foundation
import LifecourseCore
import LifecourseFormats
import LifecourseTesting
import Testing
@testable import LifecourseIngest

@Suite struct LookupKeysAheadTests {
    /// The fixture's claims as source records.
    static func claims() throws -> [SourceRecord] {
        var claims: [SourceRecord] = []
        try ClaimsFileReader(path: Fixtures.outpatientClaims.path).forEachEvent { event in
            if case .claim(let claim) = event { claims.append(claim.sourceRecord) }
        }
        return claims
    }

    @Test func computesKeysForTheFirstUnitOfAnIdentityFromEachSource() throws {
        let test = try TestStore()
        defer { test.remove() }
        let claims = try Self.claims()
        let ahead = LookupKeysAhead(keyRing: test.store.keys)
        func hasKeys(_ record: SourceRecord) -> Bool {
            guard case .unit(let unit) = ahead.adding(to: .unit(ReadUnit(record, unknownRecords: 0)), file: 0)
            else { return false }
            let keys = unit.keys
            // Every unit gets its cache key, hashed on the reading thread; blind keys only the first time.
            #expect(keys?.cacheKey == LinkCache.Key(record))
            return keys?.lookup != nil
        }
        #expect(hasKeys(claims[0]))
        #expect(!hasKeys(claims[0]), "the same identity from the same source again")
        var elsewhere = claims[0]
        elsewhere.sender = .institution(try InstitutionCode("1340000015"))
        #expect(hasKeys(elsewhere), "from another source it is another record")
        let distinct = Set(claims.map(\.identity)).count
        let withKeys = claims.dropFirst().filter(hasKeys).count
        #expect(withKeys == distinct - 1)
        #expect(!hasKeys(claims[1]) || claims[1].identity != claims[0].identity)
    }

    @Test func givesKeysToTheEarliestFileWhicheverReadingThreadComesFirst() throws {
        let test = try TestStore()
        defer { test.remove() }
        let record = try Self.claims()[0]
        let ahead = LookupKeysAhead(keyRing: test.store.keys)
        func hasKeys(inFile file: Int) -> Bool {
            guard case .unit(let unit) = ahead.adding(to: .unit(ReadUnit(record, unknownRecords: 0)), file: file)
            else { return false }
            return unit.keys?.lookup != nil
        }
        // The second thread reads file 3 before the first comes to file 2: both get the keys, so the writer, which
        // stores file 2 first, does not compute them; files after them go without.
        #expect(hasKeys(inFile: 3))
        #expect(hasKeys(inFile: 2))
        #expect(!hasKeys(inFile: 3), "a later unit of the same file")
        #expect(!hasKeys(inFile: 5))
        #expect(!hasKeys(inFile: 2))
    }
}
