import LifecourseCore
import Testing

@Suite struct NumberTextTests {
    @Test func writesWholeNumbersWithoutADecimalPoint() {
        #expect(3.0.plainText == "3" && (-12.0).plainText == "-12" && 0.0.plainText == "0")
        #expect(6.5.plainText == "6.5" && 0.25.plainText == "0.25")
        #expect(1e20.plainText == "1e+20", "beyond 10^15 as Swift prints it, never an overflowing Int")
    }
}
