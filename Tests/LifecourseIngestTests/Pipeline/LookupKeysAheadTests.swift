import Foundation
import LifecourseCore
import LifecourseFormats
import LifecourseTesting
import Testing
@testable import LifecourseIngest

@Suite struct LookupKeysAheadTests {
    @Test func computesKeysForTheFirstUnitOfAnIdentityFromEachSource() throws {
        let test = try TestStore()
        defer { test.remove() }
        var claims: [SourceRecord] = []
        try ClaimsFileReader(path: Fixtures.outpatientClaims.path).forEachEvent { event in
            if case .claim(let claim) = event { claims.append(claim.sourceRecord) }
        }
        var ahead = LookupKeysAhead(keyRing: test.store.keys)
        func hasKeys(_ record: SourceRecord) -> Bool {
            guard case .unit(let unit) = ahead.adding(to: .unit(ReadUnit(record, unknownRecords: 0))) else { return false }
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
}
