import LifecourseFormats
import LifecourseTesting
import Testing
@testable import LifecourseIngest

@Suite struct FormatDetectorTests {
    @Test func recognisesClaimsFilesByTheirFirstRecord() throws {
        #expect(try FormatDetector.detect(path: Fixtures.outpatientClaims.path) == .medicalClaims)
        #expect(FormatDetector.detect(head: Array("IR,2,13,1,1234567".utf8)) == .medicalClaims)
        #expect(FormatDetector.detect(head: [0xEF, 0xBB, 0xBF] + Array("IR,".utf8)) == .medicalClaims)
        // 歯科 files open with IR too; its 点数表 (third field) is 3.
        #expect(FormatDetector.detect(head: Array("IR,1,13,3,1234567,,テスト歯科,50604,\r\nRE".utf8)) == .dentalClaims)
        #expect(FormatDetector.detect(head: Array("IR,1,13,30,1234567".utf8)) == .medicalClaims)
        #expect(FormatDetector.detect(head: Array("YK,1,13,4,1010016,千代田薬局".utf8)) == .pharmacyClaims)
    }

    @Test func tellsHL7MessagesByTheirMSHSegment() {
        #expect(FormatDetector.detect(head: Array("MSH|^~\\&|HIS123|SEND|".utf8)) == .ssmix2)
        #expect(FormatDetector.detect(head: [0x0B] + Array("MSH|^~\\&|".utf8)) == .ssmix2, "framed by MLLP")
        #expect(FormatDetector.detect(head: Array("MSHA,1,2".utf8)) == nil)
    }

    @Test func knowsNothingElseYet() {
        #expect(FormatDetector.detect(head: Array("PID|1||".utf8)) == nil)
        #expect(FormatDetector.detect(head: []) == nil)
    }
}
