public import LifecourseStore
import LifecourseCore
import Foundation

/// Computes statistical tables in the store and protects them: ``TableSpec`` in, ``ComputedTable`` out.
///
/// ```swift
/// let table = try StatisticsEngine(store: store).compute(BuiltInTables.patientsByHbA1c(year: 2024))
/// try TableFiles(table).write(into: folder)
/// ```
public struct StatisticsEngine: Sendable {
    public let store: SQLiteStore

    public init(store: SQLiteStore) {
        self.store = store
    }

    /// The SQL that computes `spec`'s cells, with its arguments, for a reviewer to read or run.
    public static func sql(for spec: TableSpec) -> (sql: String, arguments: [String]) {
        let query = AggregateQuery(spec)
        return (query.sql, query.arguments.map { $0.text ?? "NULL" })
    }

    /// The table of `spec`, computed by one aggregate query and, unless the specification turns it off,
    /// protected: small cells suppressed (一次秘匿), then complementary cells (二次秘匿), then counts rounded.
    public func compute(_ spec: TableSpec) throws -> ComputedTable {
        try spec.validate(in: "the specification '\(spec.name)'")
        if spec.privacy != nil {
            var random = SystemRandomNumberGenerator()
            return try computePrivately(spec, random: &random)
        }
        let (rows, state) = try aggregate(spec)
        var table = StatisticalTable(spec: spec, rows: rows)
        if spec.disclosureSettings.isEnabled { table.protectSmallCells() }
        return ComputedTable(table: table, storeState: state)
    }

    /// The rows of `spec`'s query and the state of the store they come from, read together.
    private func aggregate(_ spec: TableSpec) throws -> (rows: [[AggregateValue]], state: String) {
        let query = AggregateQuery(spec)
        return try store.read { reader in
            (try reader.aggregate(query.sql, arguments: query.arguments), try reader.stateDigest())
        }
    }
}

extension StatisticalTable {
    /// 一次秘匿 by the specification's thresholds, then 二次秘匿 so that every small cell keeps its protection.
    mutating func protectSmallCells() {
        let spec = self.spec, disclosure = spec.disclosureSettings
        suppressSmallCells(threshold: disclosure.personThreshold, minInstitutions: disclosure.institutionThreshold)
        HypercubeSuppression().protect(&self) { StatisticsEngine.protection(of: $0, in: spec) }
    }
}

extension StatisticsEngine {
    /// A differentially private table: the application's budget pays first (a table past it is refused and
    /// nothing is computed), then the bounded leaf cells come from the store and get noise.
    func computePrivately(_ spec: TableSpec, random: inout some RandomNumberGenerator) throws -> ComputedTable {
        guard let privacy = spec.privacy else { preconditionFailure("a private table has privacy settings") }
        let specification = try JSONEncoder.sorted.encode(spec)
        let budget = try store.write { transaction in
            try transaction.spendPrivacyBudget(of: privacy.application, table: spec.name, epsilon: privacy.epsilon,
                                               delta: privacy.spentDelta,
                                               specDigest: FileDigest.sha256(specification))
        }
        let (rows, state) = try aggregate(spec)
        let table = StatisticalTable(private: spec, leaves: rows, noise: NoiseMechanism(privacy, measure: spec.measure),
                                     random: &random)
        return ComputedTable(table: table, storeState: state, privacyBudget: budget)
    }

    /// How far below and above its value a suppressed cell must stay possible: for counts the specification's
    /// protection (or down to 0), for quantities and points its share of the cell's value.
    static func protection(of cell: TableCell, in spec: TableSpec) -> (down: Double, up: Double) {
        let disclosure = spec.disclosureSettings
        let distance = spec.measure.isCount ? Double(disclosure.protectionInterval)
            : cell.value * disclosure.protectionShareOfValue
        return (min(cell.value, distance), distance)
    }
}

/// A table as computed, with the state of the store it was computed from.
public struct ComputedTable: Sendable {
    public let table: StatisticalTable
    /// ``StoreReader/stateDigest()`` at the time of computation.
    public let storeState: String
    /// For a differentially private table: its application's budget after the table was paid for.
    public var privacyBudget: PrivacyBudget?

    public init(table: StatisticalTable, storeState: String, privacyBudget: PrivacyBudget? = nil) {
        self.table = table
        self.storeState = storeState
        self.privacyBudget = privacyBudget
    }
}
