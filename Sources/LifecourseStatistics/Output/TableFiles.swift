public import Foundation
import LifecourseCore

/// The files of a computed table: `<name>.csv` (the published cells), `<name>.json` (the specification, the
/// disclosure settings, the store's state digest, the legend and the same cells) and `<name>.svg` (a chart).
public struct TableFiles: Sendable {
    public let computed: ComputedTable

    public init(_ computed: ComputedTable) {
        self.computed = computed
    }

    private struct Document: Encodable {
        struct Disclosure: Encodable {
            var enabled: Bool
            var threshold: Int
            var minInstitutions: Int
            var protection: Int
            var protectionShare: Double
            var rounding: Int?
            var method: String
        }

        struct Privacy: Encodable {
            var application: String
            var mechanism: String
            var epsilon: Double
            var delta: Double
            var maxCellsPerPerson: Int
            var noiseStandardDeviation: Double
            var note: String
        }

        var spec: TableSpec
        var disclosure: Disclosure?
        var privacy: Privacy?
        var storeState: String
        var legend: String
        var columns: [String]
        var rows: [[String]]
    }

    /// Writes the files into `folder` (created if needed) and returns their URLs.
    @discardableResult
    public func write(into folder: URL) throws -> [URL] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let table = computed.table
        let spec = table.spec
        let published = PublishedTable(table)
        let settings = spec.disclosureSettings
        let disclosure = Document.Disclosure(
            enabled: settings.isEnabled, threshold: settings.personThreshold, minInstitutions: settings.institutionThreshold,
            protection: settings.protectionInterval, protectionShare: settings.protectionShareOfValue,
            rounding: settings.rounding,
            method: "一次秘匿 by threshold, 二次秘匿 by the hypercube method (Repsilber; τ-ARGUS GHMITER)")
        let privacy = spec.privacy.map { privacy in
            Document.Privacy(
                application: privacy.application, mechanism: (privacy.mechanism ?? .laplace).rawValue,
                epsilon: privacy.epsilon, delta: privacy.spentDelta,
                maxCellsPerPerson: privacy.cellsPerPerson,
                noiseStandardDeviation: NoiseMechanism(privacy, measure: spec.measure).standardDeviation,
                note: "cells are the declared keys; each has noise; totals are sums of the noisy cells")
        }
        let document = Document(
            spec: spec, disclosure: privacy == nil ? disclosure : nil, privacy: privacy,
            storeState: computed.storeState, legend: PublishedTable.legend(spec.labelLanguage), columns: published.columns, rows: published.rows)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let csv = folder.appendingPathComponent("\(spec.name).csv")
        let json = folder.appendingPathComponent("\(spec.name).json")
        try Data(published.csv.utf8).write(to: csv)
        try encoder.encode(document).write(to: json)
        let svg = folder.appendingPathComponent("\(spec.name).svg")
        try Data(TableChart(table).svg.utf8).write(to: svg)
        return [csv, json, svg]
    }
}
