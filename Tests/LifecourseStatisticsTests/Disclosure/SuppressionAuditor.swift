import Foundation
import LifecourseTesting
import Testing
@testable import LifecourseStatistics

/// The tests' independent auditor of a protected table: `Scripts/audit-suppression.py` solves, with scipy's
/// HiGHS, the smallest and largest value each sensitive cell can take given the published cells and the totals.
enum SuppressionAuditor {
    struct Report: Decodable {
        var checked: Int
        var failureCount: Int
        var failures: [Failure]
    }

    struct Failure: Decodable, CustomStringConvertible {
        var cell: Int
        var problem: String?
        var value: Double?
        var range: [Double?]?
        var needed: [Double]?
        var description: String {
            "cell \(cell): \(problem ?? "range \(range ?? []) does not cover \(needed ?? []) (value \(value ?? 0))")"
        }
    }

    static var isAvailable: Bool { ExternalTool.works(["python3", "-c", "import scipy.optimize"]) }
    static let skipReason = "skipped: python3 with scipy is not installed (Scripts/bootstrap installs it)"

    /// The auditor's report on `table`, or nil (with the reason printed) when python3 with scipy is absent.
    static func audit(_ table: StatisticalTable) throws -> Report? {
        guard isAvailable else {
            print(skipReason)
            return nil
        }
        let settings = table.spec.disclosureSettings
        let sensitive: [[String: Any]] = table.cells.indices.filter { table.cells[$0].isSensitive }.map { index in
            let need = StatisticsEngine.protection(of: table.cells[index], in: table.spec)
            return ["cell": index, "down": need.down, "up": need.up]
        }
        let document: [String: Any] = [
            "cells": table.cells.map { ["value": $0.value, "persons": $0.persons, "published": !$0.isSuppressed] },
            "equations": table.equations.map { [$0.total, $0.parts] as [Any] },
            "sensitive": sensitive,
            "threshold": settings.personThreshold,
        ]
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.file("table.json")
        try JSONSerialization.data(withJSONObject: document).write(to: file)
        let script = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Scripts/audit-suppression.py")
        let result = try #require(ExternalTool.run(["python3", script.path, file.path]))
        guard let line = result.output.split(separator: "\n").last,
              let report = try? JSONDecoder().decode(Report.self, from: Data(line.utf8)) else {
            Issue.record("the auditor did not report: \(result.output.suffix(3000))")
            return nil
        }
        return report
    }
}
