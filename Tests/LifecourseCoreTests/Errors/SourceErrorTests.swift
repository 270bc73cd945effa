import Testing
import LifecourseCore

@Suite struct SourceErrorTests {
    @Test func namesTheFilePositionProblemAndFix() {
        let error = SourceError(at: SourcePosition(file: "RECEIPTC.UKE", line: 12, field: 3, byteOffset: 845),
                                problem: "SY 診療開始日: '20211345' is not valid", fix: "correct it and send the file again")
        #expect(error.description
                == "RECEIPTC.UKE, line 12, column 3, byte 845: SY 診療開始日: '20211345' is not valid. Fix: correct it and send the file again")
    }

    @Test func wrapsValueErrors() {
        let value = ValueError.malformed("x", expected: "a digit")
        let error = SourceError(at: SourcePosition(file: "F"), value, fix: "fix it")
        #expect(error.problem == "'x' is not valid; expected a digit")
        #expect(value.isSameKind(as: .malformed("y", expected: "z")))
        #expect(!value.isSameKind(as: .outOfRange("y", expected: "z", reason: "r")))
    }
}
