import LifecourseCore
import Synchronization
import Testing

@Suite struct ConcurrentMapTests {
    @Test func keepsTheOrderOfTheElements() throws {
        let numbers = Array(0..<100_003)
        #expect(try numbers.concurrentMap(threads: 3, minimumPerChunk: 10) { $0 * 2 } == numbers.map { $0 * 2 })
        #expect(try [Int]().concurrentMap { $0 } == [])
        #expect(try [7].concurrentMap { $0 + 1 } == [8])
    }

    /// 20 elements in 8 chunks of 3: the last chunk starts past the end and must be empty, not a crash.
    @Test func aChunkPastTheEndIsEmpty() throws {
        for count in 1...40 {
            let numbers = Array(0..<count)
            #expect(try numbers.concurrentMap(threads: 2, minimumPerChunk: 1) { $0 + 1 } == numbers.map { $0 + 1 })
        }
    }

    @Test func transformsEachElementOnce() throws {
        let calls = Mutex([Int](repeating: 0, count: 50_000))
        _ = try Array(0..<50_000).concurrentMap(threads: 2, minimumPerChunk: 100) { number in
            calls.withLock { $0[number] += 1 }
            return number
        }
        #expect(calls.withLock { $0.allSatisfy { $0 == 1 } })
    }

    struct Refused: Error, Equatable { var element: Int }

    @Test func rethrowsTheErrorOfAnElement() {
        #expect(throws: Refused(element: 4_321)) {
            try Array(0..<10_000).concurrentMap(threads: 2, minimumPerChunk: 50) { number in
                if number == 4_321 { throw Refused(element: number) }
                return number
            }
        }
    }
}
