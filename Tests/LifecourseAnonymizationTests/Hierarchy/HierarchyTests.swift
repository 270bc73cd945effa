import Foundation
import LifecourseTesting
import Testing
@testable import LifecourseAnonymization

@Suite struct HierarchyTests {
    @Test func loadsARXsLayout() throws {
        let age = try Hierarchy.load(contentsOf: Fixtures.adult.appendingPathComponent("adult_hierarchy_age.csv"), attribute: "age")
        #expect(age.height == 5 && age.generalize("39", to: 1) == "35-39" && age.generalize("39", to: 4) == "*")
        #expect(age.generalize("200", to: 1) == nil)
    }

    @Test func refusesWhatIsNotATreeWithTheLine() {
        func problem(_ rows: [[String]]) -> String {
            do { _ = try Hierarchy(attribute: "x", rows: rows, source: "x.csv"); return "" } catch { return error.description }
        }
        #expect(problem([["a", "1", "*"], ["b", "1"]]) == "x.csv, line 2: 2 levels where the first row has 3")
        #expect(problem([["a", "1"], ["a", "2"]]).contains("line 2: the value 'a' has a row already"))
        #expect(problem([["a", "1", "X"], ["b", "1", "Y"]]).contains("line 2: '1' generalizes to 'X' and to 'Y'"))
        #expect(problem([]).contains("no rows"))
    }
}
