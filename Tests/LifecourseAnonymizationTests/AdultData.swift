import Foundation
import LifecourseAnonymization
import LifecourseTesting

/// The Adult fixture with its nine hierarchies, loaded once per test.
enum AdultData {
    static let attributes = ["sex", "age", "race", "marital-status", "education", "native-country", "workclass",
                             "occupation", "salary-class"]

    static func load() throws -> (header: [String], rows: [[String]], hierarchies: [Hierarchy]) {
        let text = try String(contentsOf: Fixtures.adult.appendingPathComponent("adult.csv"), encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline).map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
        let hierarchies = try attributes.map { attribute in
            try Hierarchy.load(contentsOf: Fixtures.adult.appendingPathComponent("adult_hierarchy_\(attribute).csv"),
                               attribute: attribute)
        }
        return (lines[0], Array(lines.dropFirst()), hierarchies)
    }
}
