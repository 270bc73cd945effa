public import LifecourseCore
import GRDB

/// A stored laboratory result or body measurement, as summaries and tests read it.
public struct StoredMeasurement: Sendable, Hashable {
    public var date: String
    public var code: String
    public var vocabulary: String
    public var name: String?
    public var number: Double?
    public var text: String?
    public var unit: String?
    public var rangeLow: Double?
    public var rangeHigh: Double?
    public var abnormalFlag: String?
}

/// A stored observation (an allergy, a questionnaire answer).
public struct StoredObservation: Sendable, Hashable {
    public var date: String
    public var category: String
    public var code: String
    public var vocabulary: String
    public var name: String?
    public var qualifier: String?
}

/// A stored visit or stay.
public struct StoredVisit: Sendable, Hashable {
    public var isInpatient: Bool
    public var startDate: String
    public var endDate: String
    public var institution: String
    /// The claim type, or the SS-MIX2 data type that recorded it.
    public var sourceValue: String?
}

extension StoreReader {
    /// A person's measurements, oldest first.
    public func measurements(of person: ResearchID) throws -> [StoredMeasurement] {
        try Row.fetchAll(db, sql: """
            SELECT * FROM research.measurement WHERE person_id = ? ORDER BY measurement_date, measurement_id
            """, arguments: [person.rawValue]).map { row in
            StoredMeasurement(date: row["measurement_date"], code: row["measurement_source_value"],
                              vocabulary: row["source_vocabulary"], name: row["source_name"],
                              number: row["value_as_number"], text: row["value_source_value"],
                              unit: row["unit_source_value"], rangeLow: row["range_low"], rangeHigh: row["range_high"],
                              abnormalFlag: row["abnormal_flag"])
        }
    }

    /// A person's observations, oldest first.
    public func observations(of person: ResearchID) throws -> [StoredObservation] {
        try Row.fetchAll(db, sql: """
            SELECT * FROM research.observation WHERE person_id = ? ORDER BY observation_date, observation_id
            """, arguments: [person.rawValue]).map { row in
            StoredObservation(date: row["observation_date"], category: row["category"],
                              code: row["observation_source_value"], vocabulary: row["source_vocabulary"],
                              name: row["source_name"], qualifier: row["qualifier_source_value"])
        }
    }

    /// A person's visits and stays, oldest first.
    public func visits(of person: ResearchID) throws -> [StoredVisit] {
        try Row.fetchAll(db, sql: """
            SELECT * FROM research.visit_occurrence WHERE person_id = ? ORDER BY visit_start_date, visit_occurrence_id
            """, arguments: [person.rawValue]).map { row in
            StoredVisit(isInpatient: (row["visit_concept_id"] as Int) == 9201, startDate: row["visit_start_date"],
                        endDate: row["visit_end_date"], institution: row["institution"],
                        sourceValue: row["visit_source_value"])
        }
    }
}
