import Foundation
import LifecourseCore
import Testing
@testable import LifecourseStatistics

/// Every built-in table computed by the engine (in SQL) against the same table recomputed here from raw rows.
@Suite struct StatisticsEngineTests {
    /// A unit as this test computes it: its keys (one per dimension), person, institution and value.
    struct Unit {
        var keys: [String]
        var person: String
        var institution: String
        var value: Double
    }

    struct Expected: Equatable {
        var value: Double
        var persons: Int
        var institutions: Int
        var mean: Double?
        var percentiles: [Double?]
    }

    static let year = 2024, to = "2024-12-31"

    // MARK: Raw rows and the rules written out again

    static func persons(_ population: GeneratedPopulation) throws -> [String: (yob: Int?, mob: Int?, sex: String)] {
        var persons = [String: (yob: Int?, mob: Int?, sex: String)]()
        for row in try population.rows("SELECT person_id, year_of_birth, month_of_birth, gender_source_value FROM research.person") {
            persons[row[0]!] = (row[1].flatMap { Int($0) }, row[2].flatMap { Int($0) }, row[3] ?? "0")
        }
        return persons
    }

    static func ageBand(on date: String, yob: Int?, mob: Int?, width: Int = 10, top: Int = 90) -> String {
        guard let yob else { return "" }
        let year = Int(date.prefix(4))!, month = Int(date.dropFirst(5).prefix(2))!
        let age = year - yob - ((mob.map { month < $0 } ?? false) ? 1 : 0)
        if age < 0 { return "" }
        return age >= top ? String(top) : String(age / width * width)
    }

    static func category(_ value: Double, cuts: [Double]) -> String {
        String(cuts.firstIndex { value < $0 } ?? cuts.count)
    }

    /// Each person's usual institution in the year: most claims, then the smallest code.
    static func usualInstitutions(_ population: GeneratedPopulation) throws -> [String: String] {
        var counts = [String: [String: Int]]()
        for row in try population.rows("SELECT person_id, institution, service_month FROM research.claim")
        where row[2]!.hasPrefix("\(year)-") {
            counts[row[0]!, default: [:]][row[1]!, default: 0] += 1
        }
        return counts.mapValues { institutions in
            institutions.min { ($0.value, $1.key) > ($1.value, $0.key) }!.key
        }
    }

    /// Each person's latest HbA1c of the year: its value, the institution that measured it and the date.
    static func latestHbA1c(_ population: GeneratedPopulation) throws -> [String: (value: Double, institution: String, date: String)] {
        var latest = [String: (date: String, id: Int, value: Double, institution: String)]()
        for row in try population.rows("""
            SELECT m.person_id, m.measurement_source_value, m.measurement_date, m.value_as_number, m.measurement_id, \
            s.institution FROM research.measurement m JOIN research.source_record s ON s.source_record_id = m.source_record_id
            """) where row[1]!.hasPrefix("3D046") && row[2]!.hasPrefix("\(year)-") && row[3] != nil {
            let entry = (row[2]!, Int(row[4]!)!, Double(row[3]!)!, row[5]!)
            if let current = latest[row[0]!], (current.date, current.id) > (entry.0, entry.1) { continue }
            latest[row[0]!] = entry
        }
        return latest.mapValues { ($0.value, $0.institution, $0.date) }
    }

    static func yjCodes(_ population: GeneratedPopulation) throws -> [String: String] {
        var codes = [String: (String, String)]()
        for row in try population.rows("SELECT code, valid_from, yj_code FROM research.master_code WHERE kind = 'y'")
        where row[2] != nil {
            if let current = codes[row[0]!], current.0 > row[1]! { continue }
            codes[row[0]!] = (row[1]!, row[2]!)
        }
        return codes.mapValues(\.1)
    }

    static func drugKey(_ code: String, yj: [String: String], length: Int) -> String {
        yj[code].map { String($0.prefix(length)) } ?? "#" + code
    }

    static func units(of name: String, in population: GeneratedPopulation) throws -> [Unit] {
        let persons = try persons(population)
        switch name {
        case "patients-by-hba1c":
            let usual = try usualInstitutions(population), lab = try latestHbA1c(population)
            return usual.compactMap { person, institution in
                guard let value = lab[person]?.value, let who = persons[person] else { return nil }
                return Unit(keys: [String(institution.prefix(2)), who.sex, ageBand(on: to, yob: who.yob, mob: who.mob),
                                   category(value, cuts: [5.6, 6.5, 8.0])], person: person, institution: institution, value: 1)
            }
        case "lab-distribution":
            return try latestHbA1c(population).map { person, latest in
                let who = persons[person]!
                return Unit(keys: [String(latest.institution.prefix(2)), who.sex, ageBand(on: latest.date, yob: who.yob, mob: who.mob)],
                            person: person, institution: latest.institution, value: latest.value)
            }
        case "care-needs":
            var latest = [String: (from: String, id: Int, level: String, insurer: String)]()
            for row in try population.rows("""
                SELECT person_id, care_level, insurer, valid_from, valid_until, care_certification_id FROM research.care_certification
                """) where row[3]! <= to && row[4]! >= "\(year)-01-01" {
                let entry = (row[3]!, Int(row[5]!)!, row[1]!, row[2]!)
                if let current = latest[row[0]!], (current.from, current.id) > (entry.0, entry.1) { continue }
                latest[row[0]!] = entry
            }
            return latest.map { person, certification in
                let who = persons[person]!
                return Unit(keys: [String(certification.insurer.prefix(2)), who.sex, ageBand(on: to, yob: who.yob, mob: who.mob),
                                   certification.level], person: person, institution: certification.insurer, value: 1)
            }
        case "persons-treated":
            let usual = try usualInstitutions(population), yj = try yjCodes(population)
            var pairs = Set<[String]>()
            for row in try population.rows("SELECT person_id, drug_source_value, drug_exposure_start_date FROM research.drug_exposure")
            where row[2]!.hasPrefix("\(year)-") {
                pairs.insert([row[0]!, drugKey(row[1]!, yj: yj, length: 4)])
            }
            return pairs.compactMap { pair in
                guard let institution = usual[pair[0]], let who = persons[pair[0]] else { return nil }
                return Unit(keys: [String(institution.prefix(2)), who.sex, ageBand(on: to, yob: who.yob, mob: who.mob), pair[1]],
                            person: pair[0], institution: institution, value: 1)
            }
        case "prescription-volume":
            let yj = try yjCodes(population)
            var claims = [String: String](), beds = [String: Int]()
            for row in try population.rows("SELECT visit_occurrence_id, institution, prescriber, bed_count FROM research.claim") {
                if let visit = row[0] { claims[visit] = row[2] ?? row[1]! }
                if let count = row[3].flatMap({ Int($0) }) { beds[row[1]!] = max(beds[row[1]!] ?? 0, count) }
            }
            return try population.rows("""
                SELECT person_id, drug_source_value, drug_exposure_start_date, quantity, times, visit_occurrence_id \
                FROM research.drug_exposure
                """).compactMap { row in
                guard row[2]!.hasPrefix("\(year)-"), let visit = row[5], let institution = claims[visit] else { return nil }
                let bedClass = beds[institution].map { category(Double($0), cuts: [20, 100, 200, 500]) } ?? ""
                let quantity = (row[3].flatMap { Double($0) } ?? 0) * (row[4].flatMap { Double($0) } ?? 1)
                return Unit(keys: [String(institution.prefix(2)), bedClass, drugKey(row[1]!, yj: yj, length: 7)],
                            person: row[0]!, institution: institution, value: quantity)
            }
        default:
            Issue.record("no recomputation for \(name)")
            return []
        }
    }

    /// Every cell and total of a table from its units: all grouping sets but over the multi-valued dimension.
    static func expected(_ units: [Unit], spec: TableSpec) -> [[String?]: Expected] {
        let count = spec.dimensions.count
        let additive = spec.dimensions.map { !$0.isMultiValued(in: spec.source) }
        var groups = [[String?]: [Unit]]()
        for mask in 0..<(1 << count) {
            if (0..<count).contains(where: { mask & (1 << $0) != 0 && !additive[$0] }) { continue }
            for unit in units {
                let keys: [String?] = (0..<count).map { mask & (1 << $0) != 0 ? nil : unit.keys[$0] }
                groups[keys, default: []].append(unit)
            }
        }
        return groups.mapValues { members in
            let persons = Set(members.map(\.person)).count
            let values = members.map(\.value).sorted()
            let value: Double = switch spec.measure.kind {
            case .persons, .distribution: Double(persons)
            case .records: Double(members.count)
            case .quantity, .points: values.reduce(0, +)
            }
            let isDistribution = spec.measure.kind == .distribution
            return Expected(value: value, persons: persons, institutions: Set(members.map(\.institution)).count,
                            mean: isDistribution ? values.reduce(0, +) / Double(values.count) : nil,
                            percentiles: isDistribution ? spec.measure.percentileList.map { percent in
                                values[(values.count * percent + 99) / 100 - 1]
                            } : [])
        }
    }

    @Test(arguments: BuiltInTables.names)
    func builtInTableEqualsARecomputationFromRawRows(name: String) async throws {
        let population = try await GeneratedPopulation.shared()
        var spec = try #require(BuiltInTables.spec(name, year: Self.year))
        spec.disclosure = .init(enabled: false)
        let table = try StatisticsEngine(store: population.store).compute(spec).table
        let expected = Self.expected(try Self.units(of: name, in: population), spec: spec)
        #expect(expected.count > 20, "the population gives \(name) something to count")
        var seen = 0
        for index in table.cells.indices {
            let keys = table.coordinates(index).enumerated().map { table.axes[$0.offset].keys[$0.element][0] }
            let cell = table.cells[index]
            guard let want = expected[keys] else {
                #expect(cell.persons == 0 && cell.value == 0, "\(name) \(keys): the engine has a cell the raw rows do not")
                continue
            }
            seen += 1
            let got = Expected(value: cell.value, persons: cell.persons, institutions: cell.institutions,
                               mean: cell.mean, percentiles: cell.percentiles)
            #expect(abs(got.value - want.value) < 1e-6 && got.persons == want.persons && got.institutions == want.institutions
                    && zip(got.percentiles, want.percentiles).allSatisfy { $0 == $1 }
                    && abs((got.mean ?? 0) - (want.mean ?? 0)) < 1e-9, "\(name) \(keys): \(got) ≠ \(want)")
        }
        #expect(seen == expected.count, "\(name): every recomputed cell is in the engine's table")
    }

    @Test(arguments: BuiltInTables.names)
    func builtInTablePassesTheIndependentAudit(name: String) async throws {
        let population = try await GeneratedPopulation.shared()
        let spec = try #require(BuiltInTables.spec(name, year: Self.year))
        let table = try StatisticsEngine(store: population.store).compute(spec).table
        #expect(table.cells.contains { $0.isSensitive }, "\(name) has small cells to protect")
        guard let report = try SuppressionAuditor.audit(table) else { return }
        #expect(report.checked == table.cells.filter(\.isSensitive).count)
        #expect(report.failureCount == 0, "\(name): \(report.failures)")
    }
}
