import Foundation
import LifecourseCore
import LifecourseFormats
import LifecourseLinkage
import LifecourseStore

/// Stores source records of any format inside a file's transaction: links the person, records the lineage of
/// every row, and writes the visit, claim, death and clinical events the record holds.
struct SourceRecordWriter {
    let transaction: StoreTransaction
    let linker: any PersonLinker
    let digest: Data
    /// Links already made in this run, when the caller keeps them.
    var cache: LinkCache? = nil

    /// The person of a record: from the run's cache when the same identity came from the same source before
    /// (the person's row is then stored already), else from the linker.
    private func link(_ record: SourceRecord, keys: UnitKeys?) throws -> (linked: LinkedIdentity, isCached: Bool) {
        let key = keys?.cacheKey ?? LinkCache.Key(record)
        if let linked = cache?.person(for: key) { return (linked, true) }
        var source = record.identitySource
        source.file = digest
        let decision = if let lookup = keys?.lookup {
            try linker.link(record.identity, from: source, keys: lookup, in: transaction)
        } else {
            try linker.link(record.identity, from: source, in: transaction)
        }
        let linked = LinkedIdentity(person: decision.person, identity: decision.identity)
        cache?.remember(linked, for: key)
        return (linked, false)
    }

    /// Stores a unit; `keys`, when given, are what the reading thread worked out about its identity.
    func store(_ record: SourceRecord, keys: UnitKeys? = nil) throws {
        let (linked, isCached) = try link(record, keys: keys)
        let person = linked.person
        if !isCached {
            try transaction.insertPersonIfNew(person, sex: record.identity.sex, birthDate: record.identity.birthDate)
        }
        // One lineage row for the unit; its events point to it and keep their own line.
        let header = try transaction.insertSourceRecord(SourceRecordRow(
            fileDigest: digest, line: record.position.line, byteOffset: record.position.byteOffset,
            recordType: record.unitRecordType, sender: record.sender, identityID: linked.identity))
        let typeConcept = [.ssmix2, .checkups, .fhir].contains(record.format) ? omopEHRTypeConcept : omopClaimTypeConcept
        var visitID: Int64?
        if let encounter = record.encounter, let institution = record.sender.institution {
            // A medical record's admission and discharge are two messages about one stay.
            if record.format == .ssmix2, encounter.setting == .inpatient {
                visitID = try transaction.extendStay(person: person, institution: institution,
                                                     admission: encounter.admissionDate, end: encounter.endDate)
            }
            if visitID == nil {
                visitID = try transaction.insertVisit(VisitRow(
                    person: person, conceptID: encounter.setting.omopConceptID, startDate: encounter.startDate,
                    endDate: encounter.endDate, typeConceptID: typeConcept,
                    sourceValue: record.claim?.claimType ?? record.unitType, institution: institution,
                    sourceRecordID: header))
            }
        }
        if let claim = record.claim, let institution = record.sender.institution {
            let claimID = try transaction.insertClaim(ClaimRow(
                person: person, visitID: visitID, institution: institution, claimNumber: claim.claimNumber,
                claimType: claim.claimType, payerLawCode: claim.costs.first?.lawCode,
                serviceMonth: claim.serviceMonth, billingMonth: claim.billingMonth, points: claim.points,
                actualDays: claim.actualDays, bedCount: claim.bedCount, prescriber: claim.prescriber,
                payerKind: claim.payerKind, personKind: claim.personKind, isInpatient: claim.isInpatient,
                sourceRecordID: header))
            for (order, cost) in claim.costs.enumerated() {
                try transaction.insertCost(CostRow(
                    person: person, claimID: claimID, payerKind: cost.payer, payerLawCode: cost.lawCode,
                    payerOrder: order + 1, points: cost.points, paidByPatient: cost.patientBurden,
                    actualDays: cost.actualDays, sourceRecordID: header))
            }
            if let stay = claim.dpc {
                let stayID = try transaction.insertDPCStay(DPCStayRow(
                    person: person, claimID: claimID, groupCode: stay.groupCode, admissionDate: stay.admissionDate,
                    dischargeDate: stay.dischargeDate, outcome: stay.outcome, coefficient: stay.coefficient,
                    bundledPoints: stay.bundledPoints, adjustmentPoints: stay.adjustmentPoints,
                    monthPoints: stay.monthPoints, sourceRecordID: header))
                for bundle in stay.bundles {
                    try transaction.insertDPCBundle(DPCBundleRow(
                        stayID: stayID, person: person, month: bundle.month, adjustment: bundle.adjustment,
                        period: bundle.period, pointsPerDay: bundle.pointsPerDay, days: bundle.days,
                        subtotal: bundle.subtotal, sourceRecordID: header, sourceLine: bundle.line))
                }
            }
        }
        if let death = record.death {
            try transaction.insertDeath(DeathRow(
                person: person, date: death.date, time: death.time, typeConceptID: omopDeathCertificateConcept,
                causeSourceValue: death.underlyingCause?.icd10, place: death.place,
                placeInstitution: death.placeInstitution, manner: death.manner,
                certifyingInstitution: death.certifyingInstitution,
                causes: death.causes,
                sourceRecordID: header))
        }
        switch record.care {
        case .certification(let certification):
            try transaction.insertCareCertification(CareCertificationRow(
                person: person, level: certification.level.rawValue, certifiedOn: certification.certifiedOn,
                validFrom: certification.validFrom, validUntil: certification.validUntil,
                insurer: certification.insurerNumber, sourceRecordID: header))
        case .claim(let claim):
            try transaction.insertCareClaim(CareClaimRow(
                person: person, serviceMonth: claim.serviceMonth, provider: claim.providerNumber,
                insurer: claim.insurerNumber, level: claim.level.rawValue,
                services: claim.services,
                sourceRecordID: header))
        case nil:
            break
        }
        for event in record.events {
            switch event {
            case .diagnosis(let diagnosis):
                try transaction.insertCondition(ConditionRow(
                    person: person, startDate: diagnosis.startDate, endDate: diagnosis.endDate,
                    typeConceptID: typeConcept, statusConceptID: diagnosis.isMain ? 32902 : 32908,
                    stopReason: diagnosis.outcome == .continuing ? nil : diagnosis.outcome.japaneseName, visitID: visitID,
                    sourceValue: diagnosis.code, statusSourceValue: diagnosis.role.map { "DPC" + $0 } ?? (diagnosis.isMain ? "01" : nil),
                    vocabulary: diagnosis.system, sourceName: diagnosis.name, outcome: diagnosis.outcome.rawValue,
                    modifiers: diagnosis.modifiers.isEmpty ? nil : diagnosis.modifiers.joined(separator: " "),
                    icd10: diagnosis.icd10, bodySite: diagnosis.bodySite, sourceRecordID: header, sourceLine: diagnosis.position.line))
            case .procedure(let service):
                try transaction.insertExposure(exposure(.procedure, service, person, visitID, header, typeConcept))
            case .drug(let service):
                try transaction.insertExposure(exposure(.drug, service, person, visitID, header, typeConcept))
            case .device(let service):
                try transaction.insertExposure(exposure(.device, service, person, visitID, header, typeConcept))
            case .note(let note):
                try transaction.insertNote(NoteRow(
                    person: person, date: note.date, typeConceptID: omopClaimTypeConcept, text: note.text ?? "",
                    visitID: visitID, sourceValue: note.code, vocabulary: note.system,
                    sourceRecordID: header, sourceLine: note.position.line))
            case .measurement(let measurement):
                try transaction.insertMeasurement(MeasurementRow(
                    person: person, date: measurement.date, typeConceptID: typeConcept, number: measurement.number,
                    valueSourceValue: measurement.text, unit: measurement.unit, rangeLow: measurement.rangeLow,
                    rangeHigh: measurement.rangeHigh, rangeSourceValue: measurement.referenceRange,
                    abnormalFlag: measurement.abnormalFlag, visitID: visitID, sourceValue: measurement.code,
                    vocabulary: measurement.system, sourceName: measurement.name, sourceRecordID: header,
                    sourceLine: measurement.position.line))
            case .observation(let observation):
                try transaction.insertObservation(ObservationRow(
                    person: person, date: observation.date, typeConceptID: typeConcept, category: observation.category,
                    number: observation.number, valueSourceValue: observation.valueCode,
                    qualifier: observation.qualifier, visitID: visitID, sourceValue: observation.code,
                    vocabulary: observation.system, sourceName: observation.name, sourceRecordID: header,
                    sourceLine: observation.position.line))
            }
        }
        for unknown in record.unknownRecords + record.freeText { try keep(unknown, person: person) }
    }

    private func exposure(_ table: ExposureRow.Table, _ service: ClinicalEvent.Service, _ person: ResearchID,
                          _ visitID: Int64?, _ sourceRecordID: Int64, _ typeConcept: Int) -> ExposureRow {
        ExposureRow(table: table, person: person, startDate: service.startDate, endDate: service.endDate,
                    typeConceptID: typeConcept, quantity: service.quantity, times: service.times,
                    points: service.points, category: service.category, visitID: visitID, sourceValue: service.code,
                    vocabulary: service.system, sourceName: service.name, unitSourceValue: service.unitCode,
                    daysSupply: service.daysSupply, route: service.route, sourceRecordID: sourceRecordID,
                    sourceLine: service.position.line)
    }

    /// Keeps a record no reader knows, encrypted in the vault, with the person of its unit when there is one.
    func keep(_ unknown: UnknownRecord, person: ResearchID?) throws {
        try transaction.storeRawRecord(fileDigest: digest, line: unknown.position.line, recordType: unknown.recordType,
                                       person: person, text: unknown.text)
    }

    /// Keeps a unit that could not be read, encrypted, with its first problem.
    func quarantine(firstLine: Int, lastLine: Int, problem: SourceError, problemCount: Int, raw: [UInt8],
                    receiptID: Int64) throws {
        try transaction.quarantine(NewQuarantineEntry(
            firstLine: firstLine, lastLine: lastLine, problemLine: problem.position.line,
            problemColumn: problem.position.field, problemCount: problemCount, problem: problem.description,
            raw: Data(raw)), receiptID: receiptID)
    }
}

extension SourceRecord {
    /// Where the unit's identity comes from, as the linker and the vault record it.
    var identitySource: IdentitySource {
        IdentitySource(format: format.rawValue, sender: sender)
    }
}
