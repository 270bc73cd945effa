import Testing
import LifecourseCore

@Suite struct ResearchIDTests {
    struct Counter: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state
        }
    }

    @Test func printsAndReadsBack() throws {
        var generator = Counter(state: 42)
        for _ in 0..<500 {
            let id = ResearchID.random(using: &generator)
            let text = id.description
            #expect(text.count == 14)
            #expect(try ResearchID(text) == id)
            #expect(try ResearchID(text.lowercased().replacingOccurrences(of: "-", with: "")) == id)
        }
    }

    @Test func catchesEverySingleMistypedSymbol() throws {
        let id = try ResearchID(rawValue: 0x1234_5678_9ABC)
        let symbols = Array(id.description.filter { $0 != "-" })
        for position in symbols.indices {
            for replacement in "0123456789ABCDEFGHJKMNPQRSTVWXYZ" where replacement != symbols[position] {
                var typo = symbols
                typo[position] = replacement
                #expect(throws: ValueError.self) { try ResearchID(String(typo)) }
            }
        }
    }

    @Test func catchesSwappedNeighbours() throws {
        let id = try ResearchID(rawValue: 0x7_1234_5678_9ABC)
        let symbols = Array(id.description.filter { $0 != "-" })
        for position in 0..<(symbols.count - 1) where symbols[position] != symbols[position + 1] {
            var swapped = symbols
            swapped.swapAt(position, position + 1)
            #expect(throws: ValueError.self) { try ResearchID(String(swapped)) }
        }
    }

    @Test func readsLettersThatLookLikeDigits() throws {
        let id = try ResearchID(rawValue: 1)
        let text = id.description.replacingOccurrences(of: "0", with: "O")
        #expect(try ResearchID(text) == id)
    }

    @Test func refusesNumbersOutside55Bits() {
        #expect(throws: ValueError.self) { try ResearchID(rawValue: 0) }
        #expect(throws: ValueError.self) { try ResearchID(rawValue: 1 << 55) }
    }
}
