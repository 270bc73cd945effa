public import Foundation
import GRDB
public import LifecourseCore

extension StoreTransaction {
    /// Records where a row comes from; every clinical row points to one.
    public func insertSourceRecord(_ row: SourceRecordRow) throws -> Int64 {
        try insertRow("""
            INSERT INTO research.source_record (file_digest, line, byte_offset, record_type, institution, identity_id)
            VALUES (?, ?, ?, ?, ?, ?)
            """) {
            $0.add(row.fileDigest); $0.add(row.line); $0.add(row.byteOffset); $0.add(row.recordType);
            $0.add(row.sender.code); $0.add(row.identityID)
        }
    }

    /// Adds the person if the research ID is new (sex and year and month of birth only; the day stays in the vault).
    public func insertPersonIfNew(_ person: ResearchID, sex: Sex, birthDate: CalendarDate?) throws {
        try insertRow("""
            INSERT OR IGNORE INTO research.person (person_id, gender_concept_id, year_of_birth, month_of_birth,
                gender_source_value)
            VALUES (?, ?, ?, ?, ?)
            """) {
            $0.add(person.rawValue); $0.add(sex.omopConceptID); $0.add(birthDate?.year); $0.add(birthDate?.month);
            $0.add(sex.claimsCode)
        }
    }

    public func insertVisit(_ row: VisitRow) throws -> Int64 {
        try insertRow("""
            INSERT INTO research.visit_occurrence (person_id, visit_concept_id, visit_start_date, visit_end_date,
                visit_type_concept_id, visit_source_value, institution, source_record_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """) {
            $0.add(row.person.rawValue); $0.add(row.conceptID); $0.add(row.startDate.description);
            $0.add(row.endDate.description); $0.add(row.typeConceptID); $0.add(row.sourceValue);
            $0.add(row.institution.code); $0.add(row.sourceRecordID)
        }
    }

    public func insertClaim(_ row: ClaimRow) throws -> Int64 {
        try insertRow("""
            INSERT INTO research.claim (person_id, visit_occurrence_id, institution, claim_number, claim_type,
                payer_law_code, service_month, billing_month, points, actual_days, bed_count, prescriber,
                payer_kind, person_kind, inpatient, source_record_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """) {
            $0.add(row.person.rawValue); $0.add(row.visitID); $0.add(row.institution.code); $0.add(row.claimNumber);
            $0.add(row.claimType); $0.add(row.payerLawCode); $0.add(row.serviceMonth.description);
            $0.add(row.billingMonth.description); $0.add(row.points); $0.add(row.actualDays); $0.add(row.bedCount);
            $0.add(row.prescriber?.code); $0.add(row.payerKind); $0.add(row.personKind); $0.add(row.isInpatient);
            $0.add(row.sourceRecordID)
        }
    }

    public func insertCondition(_ row: ConditionRow) throws {
        try insertRow("""
            INSERT INTO research.condition_occurrence (person_id, condition_start_date, condition_end_date,
                condition_type_concept_id, condition_status_concept_id, stop_reason, visit_occurrence_id,
                condition_source_value, condition_status_source_value, source_vocabulary, source_name, outcome,
                modifiers, icd10, body_site, source_record_id, source_line)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """) {
            $0.add(row.person.rawValue); $0.add(row.startDate.description); $0.add(row.endDate?.description);
            $0.add(row.typeConceptID); $0.add(row.statusConceptID); $0.add(row.stopReason); $0.add(row.visitID);
            $0.add(row.sourceValue); $0.add(row.statusSourceValue); $0.add(row.vocabulary.rawValue);
            $0.add(row.sourceName); $0.add(row.outcome); $0.add(row.modifiers); $0.add(row.icd10);
            $0.add(row.bodySite); $0.add(row.sourceRecordID); $0.add(row.sourceLine)
        }
    }

    public func insertExposure(_ row: ExposureRow) throws {
        let person = row.person.rawValue
        let start = row.startDate.description
        let end = row.endDate.description
        switch row.table {
        case .drug:
            try insertRow("""
                INSERT INTO research.drug_exposure (person_id, drug_exposure_start_date, drug_exposure_end_date,
                    drug_type_concept_id, quantity, visit_occurrence_id, drug_source_value, dose_unit_source_value,
                    source_vocabulary, source_name, category, times, points, days_supply, route_source_value,
                    source_record_id, source_line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """) {
                $0.add(person); $0.add(start); $0.add(end); $0.add(row.typeConceptID); $0.add(row.quantity);
                $0.add(row.visitID); $0.add(row.sourceValue); $0.add(row.unitSourceValue);
                $0.add(row.vocabulary.rawValue); $0.add(row.sourceName); $0.add(row.category); $0.add(row.times);
                $0.add(row.points); $0.add(row.daysSupply); $0.add(row.route); $0.add(row.sourceRecordID);
                $0.add(row.sourceLine)
            }
        case .procedure:
            try insertRow("""
                INSERT INTO research.procedure_occurrence (person_id, procedure_date, procedure_end_date,
                    procedure_type_concept_id, quantity, visit_occurrence_id, procedure_source_value,
                    source_vocabulary, category, amount, points, source_record_id, source_line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """) {
                $0.add(person); $0.add(start); $0.add(end); $0.add(row.typeConceptID); $0.add(row.times);
                $0.add(row.visitID); $0.add(row.sourceValue); $0.add(row.vocabulary.rawValue); $0.add(row.category);
                $0.add(row.quantity); $0.add(row.points); $0.add(row.sourceRecordID); $0.add(row.sourceLine)
            }
        case .device:
            try insertRow("""
                INSERT INTO research.device_exposure (person_id, device_exposure_start_date, device_exposure_end_date,
                    device_type_concept_id, quantity, visit_occurrence_id, device_source_value, unit_source_value,
                    source_vocabulary, source_name, category, times, points, source_record_id, source_line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """) {
                $0.add(person); $0.add(start); $0.add(end); $0.add(row.typeConceptID); $0.add(row.quantity);
                $0.add(row.visitID); $0.add(row.sourceValue); $0.add(row.unitSourceValue);
                $0.add(row.vocabulary.rawValue); $0.add(row.sourceName); $0.add(row.category); $0.add(row.times);
                $0.add(row.points); $0.add(row.sourceRecordID); $0.add(row.sourceLine)
            }
        }
    }

    public func insertMeasurement(_ row: MeasurementRow) throws {
        try insertRow("""
            INSERT INTO research.measurement (person_id, measurement_date, measurement_type_concept_id, value_as_number,
                value_source_value, unit_source_value, range_low, range_high, range_source_value, abnormal_flag,
                visit_occurrence_id, measurement_source_value, source_vocabulary, source_name, source_record_id,
                source_line)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """) {
            $0.add(row.person.rawValue); $0.add(row.date.description); $0.add(row.typeConceptID); $0.add(row.number);
            $0.add(row.valueSourceValue); $0.add(row.unit); $0.add(row.rangeLow); $0.add(row.rangeHigh);
            $0.add(row.rangeSourceValue); $0.add(row.abnormalFlag); $0.add(row.visitID); $0.add(row.sourceValue);
            $0.add(row.vocabulary.rawValue); $0.add(row.sourceName); $0.add(row.sourceRecordID);
            $0.add(row.sourceLine)
        }
    }

    public func insertObservation(_ row: ObservationRow) throws {
        try insertRow("""
            INSERT INTO research.observation (person_id, observation_date, observation_type_concept_id, category,
                value_as_number, value_source_value, qualifier_source_value, visit_occurrence_id,
                observation_source_value, source_vocabulary, source_name, source_record_id, source_line)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """) {
            $0.add(row.person.rawValue); $0.add(row.date.description); $0.add(row.typeConceptID); $0.add(row.category);
            $0.add(row.number); $0.add(row.valueSourceValue); $0.add(row.qualifier); $0.add(row.visitID);
            $0.add(row.sourceValue); $0.add(row.vocabulary.rawValue); $0.add(row.sourceName);
            $0.add(row.sourceRecordID); $0.add(row.sourceLine)
        }
    }

    /// The stay of a person at an institution that began on `admission` (an inpatient visit) — or, when the
    /// admission day is not known, the latest stay that began by `end` — with its end moved to `end` when that is
    /// later: an SS-MIX2 discharge (ADT-52) ends the stay its admission (ADT-22) began.
    /// - Returns: the visit's ID, or nil when there is no such stay yet.
    public func extendStay(person: ResearchID, institution: InstitutionCode, admission: CalendarDate?,
                           end: CalendarDate) throws -> Int64? {
        let found = if let admission {
            try Int64.fetchOne(db.cachedStatement(sql: """
                SELECT visit_occurrence_id FROM research.visit_occurrence
                WHERE person_id = ? AND institution = ? AND visit_concept_id = 9201 AND visit_start_date = ?
                ORDER BY visit_occurrence_id LIMIT 1
                """), arguments: [person.rawValue, institution.code, admission.description])
        } else {
            try Int64.fetchOne(db.cachedStatement(sql: """
                SELECT visit_occurrence_id FROM research.visit_occurrence
                WHERE person_id = ? AND institution = ? AND visit_concept_id = 9201 AND visit_start_date <= ?
                ORDER BY visit_start_date DESC, visit_occurrence_id DESC LIMIT 1
                """), arguments: [person.rawValue, institution.code, end.description])
        }
        guard let id = found else { return nil }
        try db.execute(sql: """
            UPDATE research.visit_occurrence SET visit_end_date = ? WHERE visit_occurrence_id = ? AND visit_end_date < ?
            """, arguments: [end.description, id, end.description])
        return id
    }

    public func insertNote(_ row: NoteRow) throws {
        try insertRow("""
            INSERT INTO research.note (person_id, note_date, note_type_concept_id, note_text, visit_occurrence_id,
                note_source_value, source_vocabulary, source_record_id, source_line)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """) {
            $0.add(row.person.rawValue); $0.add(row.date.description); $0.add(row.typeConceptID); $0.add(row.text);
            $0.add(row.visitID); $0.add(row.sourceValue); $0.add(row.vocabulary.rawValue); $0.add(row.sourceRecordID);
            $0.add(row.sourceLine)
        }
    }

    /// Removes every row that came from a file (by digest): the rows of an ingest that did not record its
    /// receipt, so that ingesting the file again gives the same rows as an uninterrupted run.
    /// - Returns: how many source records were removed.
    @discardableResult
    public func deleteRows(fromFile digest: Data) throws -> Int {
        let count = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM research.source_record WHERE file_digest = ?"),
                                     arguments: [digest]) ?? 0
        guard count > 0 else { return 0 }
        let fromFile = "source_record_id IN (SELECT source_record_id FROM research.source_record WHERE file_digest = ?)"
        try db.execute(sql: "DELETE FROM research.death_cause WHERE death_id IN (SELECT death_id FROM research.death WHERE \(fromFile))",
                       arguments: [digest])
        try db.execute(sql: "DELETE FROM research.dpc_bundle WHERE \(fromFile)", arguments: [digest])
        try db.execute(sql: "DELETE FROM research.dpc_stay WHERE \(fromFile)", arguments: [digest])
        try db.execute(sql: "DELETE FROM research.care_service WHERE care_claim_id IN (SELECT care_claim_id FROM research.care_claim WHERE \(fromFile))",
                       arguments: [digest])
        for table in ["measurement", "observation", "cost", "care_claim", "care_certification", "death", "note", "condition_occurrence", "drug_exposure", "procedure_occurrence", "device_exposure", "claim",
                      "visit_occurrence"] {
            try db.execute(sql: "DELETE FROM research.\(table) WHERE \(fromFile)", arguments: [digest])
        }
        try db.execute(sql: "DELETE FROM research.source_record WHERE file_digest = ?", arguments: [digest])
        try db.execute(sql: "DELETE FROM vault.raw_record WHERE file_digest = ?", arguments: [digest])
        return count
    }
}
