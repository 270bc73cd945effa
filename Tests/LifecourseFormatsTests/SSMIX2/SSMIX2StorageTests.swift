import Foundation
import LifecourseCore
import LifecourseTesting
import Testing
@testable import LifecourseFormats

/// The storage rules on the fixture tree and on names written wrong one part at a time.
@Suite struct SSMIX2StorageTests {
    @Test func walksTheFixtureTreeAndReportsItsWrongFiles() throws {
        let walk = SSMIX2Storage.walk(root: Fixtures.ssmix2Root)
        #expect(walk.files.count == 20)
        #expect(walk.files.filter { $0.patientID == "9999013" }.count == 19)
        let adt00 = try #require(walk.files.first { $0.dataType == "ADT-00" })
        #expect(adt00.day == nil && adt00.condition == .valid && adt00.department == nil)
        #expect(adt00.timestamp == "20111220224447339")
        let lab = try #require(walk.files.first { $0.dataType == "OML-11" })
        #expect(lab.day?.description == "2011-12-20" && lab.department == "01")
        // Patient 0000001: one superseded file (flag 0) and one file of another patient in its folder.
        #expect(walk.superseded.map(\.orderNumber) == ["123456789012346"])
        #expect(walk.problems.count == 1)
        let misplaced = try #require(walk.problems.first)
        #expect(misplaced.position.file.hasSuffix("0000001/20000401/ADT-31/9999013_20110630_OMP-11_123456789012345_20110701113813225_01_1"))
        #expect(misplaced.problem.contains("names patient 9999013 but sits in the folder of patient 0000001"))
    }

    @Test(arguments: [
        ("999/901/9999013/-/ADT-00/9999013_-_ADT-00_999999999999999_20111220224447339_-_1", nil),
        ("999/901/9999013/-/ADT-00/9999013_-_ADT-00_999999999999999_20111220224447339_-", "7"),
        ("999/901/9999013/ADT-00/9999013_-_ADT-00_999999999999999_20111220224447339_-_1", "5 deep"),
        ("999/900/9999013/-/ADT-00/9999013_-_ADT-00_999999999999999_20111220224447339_-_1", "characters 1–3 and 4–6"),
        ("999/901/9999013/20111220/ADT-00/9999013_20111220_ADT-00_999999999999999_20111220224447339_-_1", "under -"),
        ("999/901/9999013/-/OMP-01/9999013_-_OMP-01_999999999999999_20111220224447339_-_1", "under its day"),
        ("999/901/9999013/20111232/OMP-01/9999013_20111232_OMP-01_999999999999999_20111220224447339_-_1", "not a date"),
        ("999/901/9999013/20111220/OMP-01/9999013_20111221_OMP-01_999999999999999_20111220224447339_-_1", "day 20111221"),
        ("999/901/9999013/20111220/OMP-01/9999013_20111220_OMP-11_999999999999999_20111220224447339_-_1", "folder OMP-01"),
        ("999/901/9999013/20111220/OMP-01/9999013_20111220_OMP-01_999999999999999_2011122022444733_-_1", "17 digits"),
        ("999/901/9999013/20111220/OMP-01/9999013_20111220_OMP-01_999999999999999_20111220224447339_-_3", "condition flag"),
        ("999/901/9999013/20111220/OMP-01/9999013_20111220_OMP-01_1234567890123456_20111220224447339_-_1", "1–15"),
    ] as [(String, String?)])
    func checksEveryPartOfThePlaceAndName(relative: String, problem: String?) {
        do throws(SourceError) {
            let file = try SSMIX2Storage.file(relative: relative, root: "/storage")
            #expect(problem == nil, "accepted \(relative)")
            #expect(file.path == "/storage/" + relative)
        } catch {
            #expect(problem.map { error.problem.contains($0) } == true, "\(error.problem)")
            #expect(error.position.file == "/storage/" + relative)
        }
    }

    @Test func writtenPathsFollowTheRules() throws {
        let path = SSMIX2Path(patientID: "1234567890", day: try CalendarDate(year: 2024, month: 5, day: 1),
                              type: .labResults, orderNumber: "000000000000001", timestamp: "20240501120000000",
                              department: "01", condition: 2)
        let file = try SSMIX2Storage.file(relative: path.relativePath)
        #expect(file.patientID == "1234567890" && file.condition == .pastHistory && file.dataType == "OML-11")
    }
}
