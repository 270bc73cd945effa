import LifecourseCore
import Testing

@Suite struct InternerTests {
    @Test func numbersValuesInTheOrderTheyFirstCome() {
        var interner = Interner<String>()
        #expect(["b", "a", "b", "c", "a"].map { interner.number($0) } == [0, 1, 0, 2, 1])
        #expect(interner.values == ["b", "a", "c"] && interner.count == 3 && interner[2] == "c")
    }
}
