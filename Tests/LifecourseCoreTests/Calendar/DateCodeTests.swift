import Testing
import LifecourseCore

@Suite struct DateCodeTests {
    @Test(arguments: [
        ("20211001", "2021-10-01"), ("4310430", "2019-04-30"), ("5010501", "2019-05-01"), ("3550505", "1980-05-05"),
        ("1450101", "1912-01-01"), ("2150101", "1926-01-01"),
    ])
    func readsWesternAndEraDays(code: String, day: String) throws {
        #expect(try DateCode.date(code).description == day)
    }

    @Test(arguments: [("202110", "2021-10"), ("43011", "2018-11"), ("50105", "2019-05"), ("36401", "1989-01")])
    func readsWesternAndEraMonths(code: String, month: String) throws {
        #expect(try DateCode.month(code).description == month)
    }

    @Test func appliesTheEraBoundaryPolicy() throws {
        #expect(throws: ValueError.self) { try DateCode.date("4310501") }
        #expect(try DateCode.date("4310501", policy: .acceptOverrun).description == "2019-05-01")
        #expect(try DateCode.month("43105", policy: .acceptOverrun).description == "2019-05")
    }

    @Test(arguments: ["", "2021100", "20211", "6010101", "2021-10-01", "２０２１１００１", "20211301", "4301301"])
    func refusesWhatIsNotADateCode(code: String) {
        #expect(throws: ValueError.self) { try DateCode.date(code) }
    }

    @Test func saysWhatADateCodeLooksLike() {
        do {
            _ = try DateCode.date("2021100")
            Issue.record("accepted")
        } catch {
            #expect(error.description.contains("not valid"))
            #expect(error.description.contains("GYYMMDD"))
        }
    }
}
