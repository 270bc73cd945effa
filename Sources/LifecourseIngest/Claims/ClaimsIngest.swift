import Foundation
import LifecourseCore
import LifecourseFormats
import LifecourseLinkage
import LifecourseStore

/// Stores the events of one claims file inside the file's transaction.
struct ClaimsIngest {
    let transaction: StoreTransaction
    let linker: any PersonLinker
    let digest: Data
    let receiptID: Int64

    func run(_ reader: ClaimsFileReader, progress: (_ bytes: Int, _ units: Int) -> Void) throws -> ReceiptCounts {
        var counts = ReceiptCounts()
        counts.recordsRead = try reader.forEachEvent(progress: { progress($0, counts.unitsRead) }) { event in
            switch event {
            case .institution(let record):
                counts.institution = counts.institution ?? record.institution.code
            case .claim(let claim):
                counts.unitsRead += 1
                try store(claim.sourceRecord)
                counts.unitsAccepted += 1
                counts.unknownRecords += claim.unknownRecords.count
            case .quarantined(let claim):
                counts.unitsRead += 1
                counts.unitsQuarantined += 1
                try transaction.quarantine(NewQuarantineEntry(
                    firstLine: claim.firstLine, lastLine: claim.lastLine, problemLine: claim.problem.position.line,
                    problemColumn: claim.problem.position.field, problemCount: claim.problemCount,
                    problem: claim.problem.description, raw: Data(claim.rawBytes)), receiptID: receiptID)
            case .unknownRecord(let record):
                counts.unknownRecords += 1
                try transaction.storeRawRecord(fileDigest: digest, line: record.position.line,
                                               recordType: record.recordType, person: nil, text: record.text)
            case .trailer:
                break
            case .warning(let problem):
                counts.warnings.append(problem.description)
            }
        }
        return counts
    }

    private func store(_ record: SourceRecord) throws {
        let decision = try linker.link(record.identity, from: IdentitySource(format: record.format.rawValue,
                                                                           institution: record.institution),
                                       in: transaction)
        let person = decision.person
        try transaction.insertPersonIfNew(person, sex: record.identity.sex, birthDate: record.identity.birthDate)
        func lineage(_ position: SourcePosition, _ type: String) throws -> Int64 {
            try transaction.insertSourceRecord(SourceRecordRow(
                fileDigest: digest, line: position.line, byteOffset: position.byteOffset, recordType: type,
                institution: record.institution))
        }
        let header = try lineage(record.position, "RE")
        var visitID: Int64?
        if let encounter = record.encounter {
            visitID = try transaction.insertVisit(VisitRow(
                person: person, conceptID: encounter.setting.omopConceptID, startDate: encounter.startDate,
                endDate: encounter.endDate, typeConceptID: omopClaimTypeConcept, sourceValue: record.claim?.claimType,
                institution: record.institution, sourceRecordID: header))
        }
        if let claim = record.claim {
            _ = try transaction.insertClaim(ClaimRow(
                person: person, visitID: visitID, institution: record.institution, claimNumber: claim.claimNumber,
                claimType: claim.claimType, payerLawCode: Self.payerLawCode(record.identity),
                serviceMonth: claim.serviceMonth, billingMonth: claim.billingMonth, points: claim.points,
                actualDays: claim.actualDays, bedCount: claim.bedCount, prescriber: claim.prescriber,
                sourceRecordID: header))
        }
        for event in record.events {
            switch event {
            case .diagnosis(let diagnosis):
                try transaction.insertCondition(ConditionRow(
                    person: person, startDate: diagnosis.startDate, endDate: diagnosis.endDate,
                    typeConceptID: omopClaimTypeConcept, statusConceptID: diagnosis.isMain ? 32902 : 32908,
                    stopReason: diagnosis.outcome == .continuing ? nil : diagnosis.outcome.japaneseName, visitID: visitID,
                    sourceValue: diagnosis.code, statusSourceValue: diagnosis.isMain ? "01" : nil,
                    vocabulary: diagnosis.system, sourceName: diagnosis.name, outcome: diagnosis.outcome.rawValue,
                    modifiers: diagnosis.modifiers.isEmpty ? nil : diagnosis.modifiers.joined(separator: " "),
                    sourceRecordID: try lineage(diagnosis.position, "SY")))
            case .procedure(let service):
                try transaction.insertExposure(exposure(.procedure, service, person, visitID, try lineage(service.position, service.recordType ?? "SI")))
            case .drug(let service):
                try transaction.insertExposure(exposure(.drug, service, person, visitID, try lineage(service.position, service.recordType ?? "IY")))
            case .device(let service):
                try transaction.insertExposure(exposure(.device, service, person, visitID, try lineage(service.position, "TO")))
            case .note(let note):
                try transaction.insertNote(NoteRow(
                    person: person, date: note.date, typeConceptID: omopClaimTypeConcept, text: note.text ?? "",
                    visitID: visitID, sourceValue: note.code, vocabulary: note.system,
                    sourceRecordID: try lineage(note.position, "CO")))
            }
        }
        for unknown in record.unknownRecords {
            try transaction.storeRawRecord(fileDigest: digest, line: unknown.position.line,
                                           recordType: unknown.recordType, person: person, text: unknown.text)
        }
    }

    private func exposure(_ table: ExposureRow.Table, _ service: ClinicalEvent.Service, _ person: ResearchID,
                          _ visitID: Int64?, _ sourceRecordID: Int64) -> ExposureRow {
        ExposureRow(table: table, person: person, startDate: service.startDate, endDate: service.endDate,
                    typeConceptID: omopClaimTypeConcept, quantity: service.quantity, times: service.times,
                    points: service.points, category: service.category, visitID: visitID, sourceValue: service.code,
                    vocabulary: service.system, sourceName: service.name, unitSourceValue: service.unitCode,
                    sourceRecordID: sourceRecordID)
    }

    /// 法別番号: the kind of insurance (01 協会けんぽ, 06 健保組合, 31–34 共済, 39 後期高齢者, 00 国保 with its
    /// 6-digit insurer numbers), or of the public programme for public-expense-only claims. The insurer number
    /// itself stays in the vault.
    static func payerLawCode(_ identity: PersonIdentity) -> String? {
        if let insurer = identity.insuranceCards.first.map({ IdentityKeys.digits($0.insurerNumber) }) {
            return insurer.count == 8 ? String(insurer.prefix(2)) : "00"
        }
        return identity.publicExpenseCards.first.map { String(IdentityKeys.digits($0.payerNumber).prefix(2)) }
    }
}
