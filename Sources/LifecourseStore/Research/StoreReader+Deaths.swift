import GRDB
public import LifecourseCore

extension StoreReader {
    /// The person's death as the latest death record states it, or nil.
    public func death(of id: ResearchID) throws -> PersonSummary.Death? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT death_id, death_date, cause_source_value, place, manner FROM research.death
            WHERE person_id = ? ORDER BY death_id DESC LIMIT 1
            """, arguments: [id.rawValue]) else { return nil }
        let causes = try Row.fetchAll(db, sql: """
            SELECT line, icd10, name, interval FROM research.death_cause WHERE death_id = ?
            ORDER BY line = 'II', line
            """, arguments: [row["death_id"] as Int64]).map {
            DeathCause(line: $0["line"], icd10: $0["icd10"], name: $0["name"], interval: $0["interval"])
        }
        return PersonSummary.Death(date: try CalendarDate(iso: row["death_date"]), underlyingCause: row["cause_source_value"],
                                   causes: causes, place: row["place"], manner: row["manner"])
    }

    /// How many death records the research store holds.
    public func deathCount() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM research.death") ?? 0
    }
}
