public import LifecourseCore

/// A death for `research.death` with its cause lines for `research.death_cause`.
public struct DeathRow: Sendable, Hashable {
    public var person: ResearchID
    public var date: CalendarDate
    /// `HH:MM`.
    public var time: String?
    /// OMOP type concept: 32815 Death Certificate.
    public var typeConceptID: Int
    /// The underlying cause's ICD-10 code.
    public var causeSourceValue: String?
    public var place: String?
    public var placeInstitution: InstitutionCode?
    public var manner: String?
    public var certifyingInstitution: InstitutionCode?
    public var causes: [DeathCause]
    public var sourceRecordID: Int64

    public init(person: ResearchID, date: CalendarDate, time: String?, typeConceptID: Int, causeSourceValue: String?,
                place: String?, placeInstitution: InstitutionCode?, manner: String?,
                certifyingInstitution: InstitutionCode?, causes: [DeathCause], sourceRecordID: Int64) {
        self.person = person
        self.date = date
        self.time = time
        self.typeConceptID = typeConceptID
        self.causeSourceValue = causeSourceValue
        self.place = place
        self.placeInstitution = placeInstitution
        self.manner = manner
        self.certifyingInstitution = certifyingInstitution
        self.causes = causes
        self.sourceRecordID = sourceRecordID
    }
}

extension StoreTransaction {
    /// Stores a death and its cause lines.
    @discardableResult
    public func insertDeath(_ row: DeathRow) throws -> Int64 {
        let id = try insertRow("""
            INSERT INTO research.death (person_id, death_date, death_datetime, death_type_concept_id,
                cause_source_value, place, place_institution, manner, certifying_institution, source_record_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """) {
            $0.add(row.person.rawValue); $0.add(row.date.description); $0.add(row.time.map { "\(row.date)T\($0)" });
            $0.add(row.typeConceptID); $0.add(row.causeSourceValue); $0.add(row.place);
            $0.add(row.placeInstitution?.code); $0.add(row.manner); $0.add(row.certifyingInstitution?.code);
            $0.add(row.sourceRecordID)
        }
        for cause in row.causes {
            try insertRow("""
                INSERT INTO research.death_cause (death_id, line, icd10, name, interval) VALUES (?, ?, ?, ?, ?)
                """) {
                $0.add(id); $0.add(cause.line); $0.add(cause.icd10); $0.add(cause.name); $0.add(cause.interval)
            }
        }
        return id
    }
}
