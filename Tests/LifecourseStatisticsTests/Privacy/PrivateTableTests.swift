import Foundation
import LifecourseCore
import LifecourseStore
import Testing
@testable import LifecourseStatistics

/// Differentially private tables on the generated population.
@Suite struct PrivateTableTests {

    static func spec(_ name: String, application: String, epsilon: Double = 1, dimensions: [TableDimension],
                     maxCells: Int? = nil) -> TableSpec {
        TableSpec(name: name, source: .persons, measure: TableMeasure(.persons), dimensions: dimensions,
                  period: .init(from: "2024-01-01", to: "2024-12-31"),
                  privacy: .init(application: application, epsilon: epsilon, maxCellsPerPerson: maxCells))
    }

    /// The same table computed exactly: no noise, no suppression.
    static func exact(_ spec: TableSpec) -> TableSpec {
        var exact = spec
        exact.privacy = nil
        exact.disclosure = .init(enabled: false)
        return exact
    }

    static func budget(_ application: String, epsilon: Double, in store: SQLiteStore) throws {
        _ = try store.write { try $0.setPrivacyBudget(of: application, epsilon: epsilon, delta: 0, actor: "test", reason: "test") }
    }

    @Test func aPrivateTableHasExactlyTheDeclaredCellsAndAddsUp() async throws {
        let store = try await GeneratedPopulation.shared().store
        try Self.budget("APP-CELLS", epsilon: 1, in: store)
        let spec = Self.spec("private-sex", application: "APP-CELLS", dimensions: [TableDimension(.prefecture), TableDimension(.sex)])
        let table = try StatisticsEngine(store: store).compute(spec).table
        // Every prefecture and both sexes, data or not, with their totals; nothing suppressed.
        #expect(table.axes[0].count == 48 && table.axes[1].count == 3)
        #expect(table.cells.allSatisfy { !$0.isSuppressed && $0.value >= 0 && $0.value == $0.value.rounded() })
        for equation in table.equations {
            #expect(table.cells[equation.total].value == equation.parts.reduce(0) { $0 + table.cells[$1].value })
        }
        // Close to the exact counts: the noise's scale is 1.
        let truth = try StatisticsEngine(store: store).compute(Self.exact(spec)).table
        let tokyo = try #require(table.axes[0].keys.firstIndex(of: ["13"]))
        let truthTokyo = try #require(truth.axes[0].keys.firstIndex(of: ["13"]))
        #expect(abs(table[[tokyo, 0]].value - truth[[truthTokyo, 0]].value) < 30)
        #expect(table[[try #require(table.axes[0].keys.firstIndex(of: ["47"])), 0]].value < 30, "沖縄県 has no one but noise")
    }

    @Test func eachResearchIDCountsInAtMostItsBoundOfCells() async throws {
        let store = try await GeneratedPopulation.shared().store
        // The ten most common drug classes, declared; a person with several counts in one of them only.
        let exact = Self.exact(Self.spec("drugs", application: "-", dimensions: [TableDimension(.drug, level: "class")]))
        let truth = try StatisticsEngine(store: store).compute(exact).table
        let classes = truth.cells.indices.sorted { truth.cells[$0].value > truth.cells[$1].value }.prefix(10)
            .map { truth.axes[0].keys[truth.coordinates($0)[0]][0]! }
        let spec = Self.spec("drugs", application: "-", dimensions: [TableDimension(.drug, level: "class", values: classes)],
                             maxCells: 1)
        let query = AggregateQuery(spec)
        let bounded = try store.read { try $0.aggregate(query.sql, arguments: query.arguments) }
        let inDeclared = bounded.filter { classes.contains($0[0].text ?? "") }.reduce(0.0) { $0 + ($1[1].double ?? 0) }
        let all = bounded.reduce(0.0) { $0 + ($1[1].double ?? 0) }
        let persons = try store.read { try $0.aggregate("SELECT COUNT(*) FROM research.person", arguments: []) }[0][0].double ?? 0
        let unbounded = classes.reduce(0.0) { total, key in
            total + truth.cells[truth.index([truth.axes[0].keys.firstIndex(of: [key])!])].value
        }
        #expect(all <= persons, "one cell per person at most")
        #expect(inDeclared < unbounded, "persons with several drug classes were cut to one")
    }

    @Test func aTablePastTheBudgetIsRefusedWithAClearMessage() async throws {
        let store = try await GeneratedPopulation.shared().store
        try Self.budget("APP-LIMIT", epsilon: 1, in: store)
        let spec = Self.spec("private-limit", application: "APP-LIMIT", epsilon: 0.6, dimensions: [TableDimension(.sex)])
        let engine = StatisticsEngine(store: store)
        #expect(try engine.compute(spec).privacyBudget?.remainingEpsilon ?? 0 > 0.39)
        do {
            _ = try engine.compute(spec)
            Issue.record("the second table went past the budget")
        } catch let error as StoreError {
            #expect(error.message.contains("application APP-LIMIT has ε 0.4"), "\(error)")
        }
        let budget = try #require(try store.read { try $0.privacyBudget(of: "APP-LIMIT") })
        #expect(budget.tables == 1, "the refused table spent nothing")
        var noBudget = spec
        noBudget.privacy?.application = "APP-NONE"
        #expect(throws: StoreError.self) { try engine.compute(noBudget) }
    }

    @Test func aPrivateSpecificationMustDeclareTheKeysItCannotKnow() {
        var spec = Self.spec("x", application: "A", dimensions: [TableDimension(.drug, level: "class")])
        spec.privacy?.epsilon = 0
        let problems = spec.problems()
        #expect(problems.contains { $0.hasPrefix("dimensions[0].values is missing") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("privacy.epsilon must be above 0") })
    }
}
