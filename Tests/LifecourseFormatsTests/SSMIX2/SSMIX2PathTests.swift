import LifecourseCore
import Testing
@testable import LifecourseFormats

@Suite struct SSMIX2PathTests {
    @Test func followsTheStorageRules() throws {
        let day = try CalendarDate(iso: "2011-07-01")
        let visit = SSMIX2Path(patientID: "9999013", day: day, type: .prescriptionOrder, orderNumber: "000000011000185",
                               timestamp: "20110701224603984", department: "01")
        #expect(visit.relativePath
                == "999/901/9999013/20110701/OMP-01/9999013_20110701_OMP-01_000000011000185_20110701224603984_01_1")
        let patient = SSMIX2Path(patientID: "9999013", day: day, type: .patient, orderNumber: "999999999999999",
                                 timestamp: "20111220224447339", department: nil)
        #expect(patient.relativePath
                == "999/901/9999013/-/ADT-00/9999013_-_ADT-00_999999999999999_20111220224447339_-_1")
    }
}
