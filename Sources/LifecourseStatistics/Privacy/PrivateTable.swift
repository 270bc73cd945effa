import LifecourseStore

extension StatisticalTable {
    /// A differentially private table: every declared leaf cell (each dimension's declared keys combined; a key
    /// the data has but the specification does not declare is left out) gets its bounded value plus noise; counts
    /// are whole and no cell is below 0 (post-processing, which costs no privacy); totals are the sums of the noisy
    /// cells, so that the table adds up.
    init(private spec: TableSpec, leaves rows: [[AggregateValue]], noise: NoiseMechanism,
         random: inout some RandomNumberGenerator) {
        let count = spec.dimensions.count
        var bounded = [[String]: Double]()
        for row in rows {
            bounded[(0..<count).map { row[$0].text ?? "" }] = row[count].double ?? 0
        }
        let domains = spec.dimensions.map { $0.declaredKeys(period: spec.period) ?? [] }
        var leaves = [[String]]([[]])
        for domain in domains { leaves = leaves.flatMap { prefix in domain.map { prefix + [$0] } } }
        let counts = spec.measure.isCount
        var noisy = [[String]: Double]()
        for leaf in leaves {
            let value = (bounded[leaf] ?? 0) + noise.draw(using: &random)
            noisy[leaf] = max(0, counts ? value.rounded() : value)
        }
        self.init(spec: spec, rows: AggregateQuery(spec).rows(summing: noisy, institutions: 0))
    }
}
