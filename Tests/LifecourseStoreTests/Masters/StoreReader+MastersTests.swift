import LifecourseCore
import Testing
@testable import LifecourseStore

@Suite struct StoreReaderMastersTests {
    static func version(_ from: String?, _ name: String) throws -> MasterCode {
        MasterCode(kind: "b", code: "8830000", validFrom: try from.map { try CalendarDate(iso: $0) }, validUntil: nil,
                   name: name, kana: nil, icd10: [], yjCode: nil, managementNumber: nil, exchangeCode: nil, unit: nil,
                   amount: nil)
    }

    @Test func choosesTheLatestVersionInForceOnTheDay() throws {
        // Latest first, as the store lists them; the undated version counts from the beginning of time.
        let versions = [try Self.version("2024-06-01", "new"), try Self.version("2020-04-01", "old"),
                        try Self.version(nil, "undated")]
        func name(_ day: String?) throws -> String? {
            StoreReader.inForce(versions, on: try day.map { try CalendarDate(iso: $0) })?.name
        }
        #expect(try name("2024-06-01") == "new")
        #expect(try name("2024-05-31") == "old")
        #expect(try name("2019-01-01") == "undated")
        #expect(try name(nil) == "new", "without a day, the latest")
        let dated = Array(versions.prefix(2))
        #expect(StoreReader.inForce(dated, on: try CalendarDate(iso: "2001-01-01"))?.name == "new",
                "before every version, the latest")
        #expect(StoreReader.inForce([], on: nil) == nil)
    }
}
