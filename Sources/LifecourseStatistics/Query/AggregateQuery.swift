import LifecourseCore
import LifecourseStore

/// The SQL that computes a table in the store: the units (one row per counted unit with its dimension keys, its
/// person, its institution and its value) in a `WITH` clause, then one `GROUP BY` per grouping set — every subset
/// of the dimensions that add up, the others always grouped — joined by `UNION ALL`, so that the store computes
/// every cell and every total in one statement and the engine never loads the rows.
///
/// Each result row is: the grouping set's number, one key per dimension (NULL where the set totals it), distinct
/// persons, distinct institutions, the measure, then for a distribution the mean and the percentiles.
struct AggregateQuery {
    let spec: TableSpec
    /// For each grouping set in order, which dimensions it totals.
    let groupingSets: [[Bool]]
    private(set) var fragment: SQLFragment = ""

    init(_ spec: TableSpec) {
        self.spec = spec
        let additive = spec.dimensions.map { !$0.isMultiValued(in: spec.source) }
        let positions = additive.indices.filter { additive[$0] }
        groupingSets = (0..<(1 << positions.count)).map { mask in
            var totalled = Array(repeating: false, count: additive.count)
            for (bit, position) in positions.enumerated() where mask & (1 << bit) != 0 { totalled[position] = true }
            return totalled
        }
        fragment = build()
    }

    var sql: String { fragment.text }
    var arguments: [AggregateValue] { fragment.arguments }

    private var from: String { spec.period.from }
    private var to: String { spec.period.to }
    private var period: SQLFragment { SQLFragment("? AND ?", [.text(from), .text(to)]) }

    private func build() -> SQLFragment {
        var ctes = [SQLFragment]()
        var rawColumns = [SQLFragment]()
        /// Conditions on `units1`'s columns (a unit without the lab value a dimension classes it by is left out).
        var required = [String]()
        var conditions = [SQLFragment]()
        // Lookups go through the store's indexes (claims, measurements and certifications by person, masters by
        // code, claims by institution), so that SQLite, which joins by nested loops, never scans a table per unit.
        let base: SQLFragment
        switch spec.source {
        case .persons:
            // A person's usual institution: the one that sent most of their claims in the period; persons without
            // a claim in the period have none and are left out.
            base = SQLFragment("""
                SELECT p.person_id AS person_id, (SELECT c.institution FROM research.claim c WHERE \
                c.person_id = p.person_id AND c.service_month BETWEEN ? AND ? GROUP BY c.institution \
                ORDER BY COUNT(*) DESC, c.institution LIMIT 1) AS inst, ? AS udate, 1 AS val
                """, [.text(String(from.prefix(7))), .text(String(to.prefix(7))), .text(to)])
            required.append("inst IS NOT NULL")
        case .care:
            // The latest certification valid in the period gives the insurer and the care level.
            base = SQLFragment("SELECT p.person_id AS person_id, ") + certification("insurer")
                + SQLFragment(" AS inst, ? AS udate, 1 AS val", [.text(to)])
            required.append("inst IS NOT NULL")
        case .prescriptions:
            let value = switch spec.measure.kind {
            case .quantity: "COALESCE(d.quantity, 0) * COALESCE(d.times, 1)"
            case .points: "COALESCE(d.points, 0)"
            default: "1"
            }
            base = SQLFragment("""
                SELECT d.person_id AS person_id, COALESCE(c.prescriber, c.institution) AS inst, \
                d.drug_exposure_start_date AS udate, \(value) AS val
                """)
            conditions.append("d.drug_exposure_start_date BETWEEN " + period)
            if let drugs = spec.filters?.drugs { conditions.append(Self.codes(drugs, code: "d.drug_source_value", classification: Self.yj)) }
        case .claims:
            base = SQLFragment("""
                SELECT c.person_id AS person_id, c.institution AS inst, c.service_month || '-01' AS udate, \
                \(spec.measure.kind == .points ? "COALESCE(c.points, 0)" : "1") AS val
                """)
            conditions.append(SQLFragment("c.service_month BETWEEN ? AND ?",
                                          [.text(String(from.prefix(7))), .text(String(to.prefix(7)))]))
        case .measurements:
            // Each person's latest value of the item in the period, with the institution that measured it.
            ctes.append(SQLFragment("""
                measured AS (SELECT person_id, value, udate, institution FROM (SELECT m.person_id AS person_id, \
                m.value_as_number AS value, m.measurement_date AS udate, s.institution AS institution, \
                ROW_NUMBER() OVER (PARTITION BY m.person_id ORDER BY m.measurement_date DESC, m.measurement_id DESC) \
                AS rn FROM research.measurement m JOIN research.source_record s ON s.source_record_id = m.source_record_id \
                WHERE m.measurement_source_value LIKE ? AND m.measurement_date BETWEEN ? AND ? \
                AND m.value_as_number IS NOT NULL) ranked WHERE rn = 1)
                """, [.text((spec.measure.item ?? "") + "%"), .text(from), .text(to)]))
            base = "SELECT measured.person_id AS person_id, measured.institution AS inst, measured.udate AS udate, measured.value AS val"
        }
        var multi: String?
        for (index, dimension) in spec.dimensions.enumerated() {
            switch dimension.kind {
            case .bedSize:
                // In `units1`: the institution is known by then, whichever source found it.
                break
            case .labCategory:
                rawColumns.append(SQLFragment("""
                    (SELECT m.value_as_number FROM research.measurement m WHERE m.person_id = p.person_id \
                    AND m.measurement_source_value LIKE ? AND m.measurement_date BETWEEN ? AND ? \
                    AND m.value_as_number IS NOT NULL ORDER BY m.measurement_date DESC, m.measurement_id DESC LIMIT 1) \
                    AS r\(index)
                    """, [.text((dimension.item ?? "") + "%"), .text(from), .text(to)]))
                required.append("r\(index) IS NOT NULL")
            case .careLevel:
                rawColumns.append(certification("care_level") + " AS r\(index)")
            case .drug where spec.source == .prescriptions:
                rawColumns.append(SQLFragment(Self.drugKey(dimension.drugLevel, code: "d.drug_source_value") + " AS r\(index)"))
            case .drug:
                ctes.append("""
                    multi AS (SELECT DISTINCT d.person_id AS person_id, \(Self.drugKey(dimension.drugLevel, code: "d.drug_source_value")) AS k \
                    FROM research.drug_exposure d WHERE d.drug_exposure_start_date BETWEEN
                    """ + " " + period + ")")
                multi = "multi.person_id"
                rawColumns.append("multi.k AS r\(index)")
            case .diagnosis where spec.source == .claims:
                ctes.append("""
                    multi AS (SELECT DISTINCT co.visit_occurrence_id AS visit_occurrence_id, \(Self.diagnosisKey(dimension.diagnosisLevel)) \
                    AS k FROM research.condition_occurrence co WHERE co.visit_occurrence_id IS NOT NULL)
                    """)
                multi = "multi.visit_occurrence_id"
                rawColumns.append("multi.k AS r\(index)")
            case .diagnosis:
                ctes.append("""
                    multi AS (SELECT DISTINCT co.person_id AS person_id, \(Self.diagnosisKey(dimension.diagnosisLevel)) AS k \
                    FROM research.condition_occurrence co JOIN research.visit_occurrence v \
                    ON v.visit_occurrence_id = co.visit_occurrence_id WHERE v.visit_start_date BETWEEN
                    """ + " " + period + ")")
                multi = "multi.person_id"
                rawColumns.append("multi.k AS r\(index)")
            default:
                break
            }
        }
        if let diagnoses = spec.filters?.diagnoses {
            conditions.append("p.person_id IN (SELECT co.person_id FROM research.condition_occurrence co "
                + "JOIN research.visit_occurrence v ON v.visit_occurrence_id = co.visit_occurrence_id "
                + "WHERE v.visit_start_date BETWEEN " + period + " AND "
                + Self.codes(diagnoses, code: "co.condition_source_value", classification: Self.icd10) + ")")
        }
        if let drugs = spec.filters?.drugs, spec.source != .prescriptions {
            conditions.append("p.person_id IN (SELECT d.person_id FROM research.drug_exposure d "
                + "WHERE d.drug_exposure_start_date BETWEEN " + period + " AND "
                + Self.codes(drugs, code: "d.drug_source_value", classification: Self.yj) + ")")
        }
        if let sexes = spec.filters?.sex {
            conditions.append(SQLFragment("p.gender_source_value IN ("
                + sexes.map { "'\($0.claimsCode)'" }.joined(separator: ", ") + ")"))
        }
        var units0 = base + ", p.year_of_birth AS yob, p.month_of_birth AS mob, p.gender_source_value AS sex"
        for column in rawColumns { units0 += ", " + column }
        units0 += " FROM " + from(multi: multi)
        if !conditions.isEmpty { units0 += " WHERE " + SQLFragment.joined(conditions, separator: " AND ") }
        ctes.append("units0 AS (" + units0 + ")")
        // The institution's bed count: the largest its claims state (by the index of claims by institution).
        let bedColumns = spec.dimensions.indices.filter { spec.dimensions[$0].kind == .bedSize }
            .map { ", (SELECT MAX(b.bed_count) FROM research.claim b WHERE b.institution = units0.inst) AS r\($0)" }.joined()
        ctes.append("""
            units1 AS (SELECT units0.*, CAST(substr(udate, 1, 4) AS INTEGER) - yob - CASE WHEN \
            CAST(substr(udate, 6, 2) AS INTEGER) < mob THEN 1 ELSE 0 END AS age\(bedColumns) FROM units0)
            """)
        var keys = spec.dimensions.indices.map { "\(keyExpression($0)) AS d\($0)" }
        keys.insert("person_id, inst, val", at: 0)
        if let ages = spec.filters?.ages {
            if let from = ages.from { required.append("age >= \(from)") }
            if let to = ages.to { required.append("age <= \(to)") }
        }
        ctes.append(SQLFragment("units AS (SELECT " + keys.joined(separator: ", ") + " FROM units1"
            + (required.isEmpty ? "" : " WHERE " + required.joined(separator: " AND ")) + ")"))
        if let privacy = spec.privacy {
            // Differential privacy: each research ID's contribution per cell, cut at the bound, in at most
            // `maxCellsPerPerson` cells drawn at random; the leaf cells only (totals are sums of noisy cells).
            let keys = spec.dimensions.indices.map { "d\($0)" }.joined(separator: ", ")
            let bound = privacy.maxContribution.map(\.plainText) ?? "1"
            ctes.append(SQLFragment("bounded AS (SELECT person_id, \(keys), SUM(val) AS v FROM units GROUP BY person_id, \(keys))"))
            ctes.append(SQLFragment("ranked AS (SELECT bounded.*, ROW_NUMBER() OVER (PARTITION BY person_id ORDER BY random()) AS rn FROM bounded)"))
            let value = spec.measure.kind == .persons ? "COUNT(*)" : "SUM(CASE WHEN v > \(bound) THEN \(bound) WHEN v < 0 THEN 0 ELSE v END)"
            return "WITH " + SQLFragment.joined(ctes, separator: ",\n") + "\n"
                + SQLFragment("SELECT \(keys), \(value) FROM ranked WHERE rn <= \(privacy.cellsPerPerson) GROUP BY \(keys)")
        }
        let selects = groupingSets.enumerated().map { number, totalled in groupingSelect(number, totalled) }
        return "WITH " + SQLFragment.joined(ctes, separator: ",\n") + "\n"
            + SQLFragment(selects.joined(separator: "\nUNION ALL\n"))
    }

    /// `units0`'s tables: the unit's table and the person, driven by the multi-valued dimension's rows if there
    /// is one (each of them finds its unit by key).
    private func from(multi: String?) -> String {
        let person = "research.person p"
        switch spec.source {
        case .persons, .care:
            return multi.map { "multi JOIN \(person) ON p.person_id = \($0)" } ?? person
        case .measurements:
            return "measured JOIN \(person) ON p.person_id = measured.person_id"
        case .prescriptions:
            return "research.drug_exposure d JOIN research.claim c ON c.visit_occurrence_id = d.visit_occurrence_id "
                + "JOIN \(person) ON p.person_id = d.person_id"
        case .claims:
            let claims = "research.claim c JOIN \(person) ON p.person_id = c.person_id"
            return multi.map { "multi JOIN research.claim c ON c.visit_occurrence_id = \($0) JOIN \(person) ON p.person_id = c.person_id" }
                ?? claims
        }
    }

    /// A column of the person's latest care certification valid in the period.
    private func certification(_ column: String) -> SQLFragment {
        SQLFragment("""
            (SELECT cc.\(column) FROM research.care_certification cc WHERE cc.person_id = p.person_id \
            AND cc.valid_from <= ? AND cc.valid_until >= ? ORDER BY cc.valid_from DESC, cc.care_certification_id DESC LIMIT 1)
            """, [.text(to), .text(from)])
    }

    /// The key of dimension `index` in `units`, from `units1`'s columns (`r<index>` for joined values).
    private func keyExpression(_ index: Int) -> String {
        let dimension = spec.dimensions[index]
        switch dimension.kind {
        case .prefecture: return "substr(inst, 1, 2)"
        case .area:
            return "CASE WHEN length(inst) = 10 THEN substr(inst, 1, 2) || '-' || substr(inst, 4, 2) ELSE substr(inst, 1, 5) END"
        case .sex: return "COALESCE(sex, '0')"
        case .ageBand:
            let width = dimension.ageWidth, top = dimension.ageTop
            return "CASE WHEN age IS NULL OR age < 0 THEN '' WHEN age >= \(top) THEN '\(top)' "
                + "ELSE CAST((age / \(width)) * \(width) AS TEXT) END"
        case .bedSize: return Self.classes("r\(index)", cuts: dimension.bedCuts)
        case .labCategory: return Self.classes("r\(index)", cuts: dimension.cuts ?? [])
        case .careLevel, .drug, .diagnosis: return "COALESCE(r\(index), '')"
        case .year: return "substr(udate, 1, 4)"
        case .month: return "substr(udate, 1, 7)"
        }
    }

    /// One grouping set's SELECT over `units`.
    private func groupingSelect(_ number: Int, _ totalled: [Bool]) -> String {
        let grouped = spec.dimensions.indices.filter { !totalled[$0] }.map { "d\($0)" }
        let keys = spec.dimensions.indices.map { totalled[$0] ? "NULL" : "d\($0)" }
        let measure = switch spec.measure.kind {
        case .persons, .distribution: "COUNT(DISTINCT person_id)"
        case .records: "COUNT(*)"
        case .quantity, .points: "SUM(val)"
        }
        var columns = ["\(number)"] + keys + ["COUNT(DISTINCT person_id)", "COUNT(DISTINCT inst)", measure]
        var from = "units"
        if spec.measure.kind == .distribution {
            columns.append("AVG(val)")
            // Nearest rank: the ⌈n·P/100⌉-th smallest value of the cell.
            columns += spec.measure.percentileList.map { "MAX(CASE WHEN rn = (n * \($0) + 99) / 100 THEN val END)" }
            let partition = grouped.isEmpty ? "" : "PARTITION BY " + grouped.joined(separator: ", ") + " "
            from = "(SELECT units.*, ROW_NUMBER() OVER (\(partition)ORDER BY val) AS rn, COUNT(*) OVER ("
                + partition.trimmingCharacters(in: .whitespaces) + ") AS n FROM units) ranked"
        }
        return "SELECT " + columns.joined(separator: ", ") + " FROM " + from
            + (grouped.isEmpty ? "" : " GROUP BY " + grouped.joined(separator: ", "))
    }

    /// A code's latest value of `column` in a master (by the master's primary key, kind and code).
    private static func master(_ kind: String, _ column: String, code: String) -> String {
        "(SELECT m.\(column) FROM research.master_code m WHERE m.kind = '\(kind)' AND m.code = \(code) "
            + "ORDER BY m.valid_from DESC LIMIT 1)"
    }

    private static let yj = "COALESCE(" + master("y", "yj_code", code: "d.drug_source_value") + ", '')"
    private static let icd10 = "replace(COALESCE(co.icd10, " + master("b", "icd10", code: "co.condition_source_value")
        + ", ''), '.', '')"

    /// A drug's key at a level of its YJ code; a drug the master does not know keeps its receipt code, marked `#`.
    private static func drugKey(_ level: String, code: String) -> String {
        let length = ["ingredient": 7, "class": 4][level] ?? 12
        // One master lookup per row: an empty or missing YJ code falls through to the receipt code.
        return level == "code" ? code
            : "COALESCE(substr(NULLIF(\(yj), ''), 1, \(length)), '#' || \(code))"
    }

    /// A diagnosis's key at a level of its ICD-10 code; a code without ICD-10 keeps its receipt code, marked `#`
    /// (its chapter is unknown: empty).
    private static func diagnosisKey(_ level: String) -> String {
        let unknown = "'#' || co.condition_source_value"
        switch level {
        case "code": return "co.condition_source_value"
        case "icd10": return "COALESCE(NULLIF(\(icd10), ''), \(unknown))"
        case "chapter":
            let category = "substr(\(icd10), 1, 3)"
            return "CASE " + ICD10.chapters.map { "WHEN \(category) BETWEEN '\($0.first)' AND '\($0.last)' THEN '\($0.chapter)'" }
                .joined(separator: " ") + " ELSE '' END"
        default: return "COALESCE(substr(NULLIF(\(icd10), ''), 1, 3), \(unknown))"
        }
    }

    /// `(code = ? OR classification LIKE ? OR …)` for a list of codes or code starts.
    private static func codes(_ list: [String], code: String, classification: String) -> SQLFragment {
        "(" + SQLFragment.joined(list.map { value in
            SQLFragment("\(code) = ? OR \(classification) LIKE ?", [.text(value), .text(value + "%")])
        }, separator: " OR ") + ")"
    }

    /// The class of a number by rising cut points: `0` below the first, `1` from it to the next …, `''` for none.
    private static func classes(_ column: String, cuts: [Double]) -> String {
        "CASE WHEN \(column) IS NULL THEN '' "
            + cuts.enumerated().map { "WHEN \(column) < \($0.element) THEN '\($0.offset)' " }.joined()
            + "ELSE '\(cuts.count)' END"
    }
}

extension AggregateQuery {
    /// The rows the query would give if its units summed to these leaf cells (one key per dimension): every
    /// grouping set's sums, each with `institutions` (a private table's cells, summed from noisy leaves).
    func rows(summing leaves: [[String]: Double], institutions: Int) -> [[AggregateValue]] {
        var rows = [[AggregateValue]]()
        for (number, totalled) in groupingSets.enumerated() {
            var sums = [[String?]: Double]()
            for (leaf, value) in leaves {
                sums[leaf.enumerated().map { totalled[$0.offset] ? nil : $0.element }, default: 0] += value
            }
            for (keys, value) in sums {
                rows.append([.integer(Int64(number))] + keys.map { $0.map(AggregateValue.text) ?? .null }
                    + [.real(value), .integer(Int64(institutions)), .real(value)])
            }
        }
        return rows
    }
}
