import Testing
@testable import LifecourseAnonymization

@Suite struct PackedKeyIndexTests {
    @Test func numbersKeysInTheOrderTheyComeThroughGrowth() {
        let index = PackedKeyIndex()
        var reference = [UInt64: Int]()
        var state: UInt64 = 1
        for step in 0..<200_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // Keys repeat (a third of the draws) and share low or high bits.
            let key = step % 3 == 0 ? UInt64(step / 3) << 40 : state % 50_000
            let expected = reference[key] ?? reference.count
            let (number, isNew) = index.number(key)
            #expect(number == expected && isNew == (reference[key] == nil))
            reference[key] = expected
        }
        #expect(index.count == reference.count)
    }
}
