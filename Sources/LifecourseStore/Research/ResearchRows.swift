public import Foundation
public import LifecourseCore

/// Where a row came from: the file (by digest), the line and the record type. Every clinical row points to one.
public struct SourceRecordRow: Sendable, Hashable {
    public var fileDigest: Data
    public var line: Int?
    public var byteOffset: Int?
    public var recordType: String
    /// Who sent the file: an institution or a municipality.
    public var sender: Sender
    /// The vault identity the unit was linked as (a split moves the unit's rows with it).
    public var identityID: Int64?

    public init(fileDigest: Data, line: Int?, byteOffset: Int?, recordType: String, sender: Sender,
                identityID: Int64? = nil) {
        self.fileDigest = fileDigest
        self.line = line
        self.byteOffset = byteOffset
        self.recordType = recordType
        self.sender = sender
        self.identityID = identityID
    }
}

/// OMOP type concept for rows derived from claims (32810 "Claim").
public let omopClaimTypeConcept = 32810

/// OMOP type concept for deaths from a death certificate (32815 "Death Certificate").
public let omopDeathCertificateConcept = 32815
/// OMOP type concept 32817 "EHR": the row comes from an electronic health record (SS-MIX2, FHIR).
public let omopEHRTypeConcept = 32817

/// A visit or stay (OMOP visit_occurrence).
public struct VisitRow: Sendable, Hashable {
    public var person: ResearchID
    public var conceptID: Int
    public var startDate: CalendarDate
    public var endDate: CalendarDate
    public var typeConceptID: Int
    public var sourceValue: String?
    public var institution: InstitutionCode
    public var sourceRecordID: Int64

    public init(person: ResearchID, conceptID: Int, startDate: CalendarDate, endDate: CalendarDate, typeConceptID: Int,
                sourceValue: String?, institution: InstitutionCode, sourceRecordID: Int64) {
        self.person = person
        self.conceptID = conceptID
        self.startDate = startDate
        self.endDate = endDate
        self.typeConceptID = typeConceptID
        self.sourceValue = sourceValue
        self.institution = institution
        self.sourceRecordID = sourceRecordID
    }
}

/// One claim's billing facts.
public struct ClaimRow: Sendable, Hashable {
    public var person: ResearchID
    public var visitID: Int64?
    public var institution: InstitutionCode
    public var claimNumber: Int
    public var claimType: String
    /// 法別番号: the first two digits of an 8-digit insurer number (the kind of insurance, not the insurer).
    public var payerLawCode: String?
    public var serviceMonth: YearMonth
    public var billingMonth: YearMonth
    public var points: Int?
    public var actualDays: Int?
    public var bedCount: Int?
    /// 調剤 claims: the institution whose prescriptions were filled.
    public var prescriber: InstitutionCode?
    /// The レセプト種別 decoded: main payer, whose claim, and whether it is for a stay.
    public var payerKind: String?
    public var personKind: String?
    public var isInpatient: Bool?
    public var sourceRecordID: Int64

    public init(person: ResearchID, visitID: Int64?, institution: InstitutionCode, claimNumber: Int, claimType: String,
                payerLawCode: String?, serviceMonth: YearMonth, billingMonth: YearMonth, points: Int?, actualDays: Int?,
                bedCount: Int?, prescriber: InstitutionCode? = nil, payerKind: String? = nil, personKind: String? = nil,
                isInpatient: Bool? = nil, sourceRecordID: Int64) {
        self.prescriber = prescriber
        self.payerKind = payerKind
        self.personKind = personKind
        self.isInpatient = isInpatient
        self.person = person
        self.visitID = visitID
        self.institution = institution
        self.claimNumber = claimNumber
        self.claimType = claimType
        self.payerLawCode = payerLawCode
        self.serviceMonth = serviceMonth
        self.billingMonth = billingMonth
        self.points = points
        self.actualDays = actualDays
        self.bedCount = bedCount
        self.sourceRecordID = sourceRecordID
    }
}

/// A diagnosis (OMOP condition_occurrence).
public struct ConditionRow: Sendable, Hashable {
    public var person: ResearchID
    public var startDate: CalendarDate
    public var endDate: CalendarDate?
    public var typeConceptID: Int
    /// 32902 primary diagnosis, 32908 secondary diagnosis.
    public var statusConceptID: Int
    public var stopReason: String?
    public var visitID: Int64?
    public var sourceValue: String
    public var statusSourceValue: String?
    public var vocabulary: CodeSystem
    /// The name as the source wrote it.
    public var sourceName: String?
    /// 転帰: 1 継続, 2 治ゆ, 3 死亡, 4 中止.
    public var outcome: Int?
    /// 修飾語 codes joined by spaces.
    public var modifiers: String?
    /// The ICD-10 code the source wrote beside its own (DPC claims).
    public var icd10: String?
    /// 歯式 (tooth codes) of a 歯科 diagnosis, joined by spaces.
    public var bodySite: String?
    public var sourceRecordID: Int64
    /// The line of the row's own record when its source record is the unit's (a claim's SY, SI, IY … lines point
    /// to the claim's RE record, one lineage row per claim, and keep their line here).
    public var sourceLine: Int?

    public init(person: ResearchID, startDate: CalendarDate, endDate: CalendarDate?, typeConceptID: Int,
                statusConceptID: Int, stopReason: String?, visitID: Int64?, sourceValue: String,
                statusSourceValue: String?, vocabulary: CodeSystem, sourceName: String?, outcome: Int?,
                modifiers: String?, icd10: String? = nil, bodySite: String? = nil, sourceRecordID: Int64,
                sourceLine: Int? = nil) {
        self.icd10 = icd10
        self.bodySite = bodySite
        self.person = person
        self.startDate = startDate
        self.endDate = endDate
        self.typeConceptID = typeConceptID
        self.statusConceptID = statusConceptID
        self.stopReason = stopReason
        self.visitID = visitID
        self.sourceValue = sourceValue
        self.statusSourceValue = statusSourceValue
        self.vocabulary = vocabulary
        self.sourceName = sourceName
        self.outcome = outcome
        self.modifiers = modifiers
        self.sourceRecordID = sourceRecordID
        self.sourceLine = sourceLine
    }
}

/// What procedures, drugs and devices share: what, when, how much, and the billing.
public struct ExposureRow: Sendable, Hashable {
    public enum Table: String, Sendable, Hashable {
        case drug = "drug_exposure"
        case procedure = "procedure_occurrence"
        case device = "device_exposure"
    }

    public var table: Table
    public var person: ResearchID
    public var startDate: CalendarDate
    public var endDate: CalendarDate
    public var typeConceptID: Int
    public var quantity: Double?
    public var times: Int?
    public var points: Int?
    /// 診療識別.
    public var category: String?
    public var visitID: Int64?
    public var sourceValue: String
    public var vocabulary: CodeSystem
    /// The name as the source wrote it (devices' 商品名).
    public var sourceName: String?
    public var unitSourceValue: String?
    /// Drug orders: days supplied and route (HL7 table 0162).
    public var daysSupply: Int?
    public var route: String?
    public var sourceRecordID: Int64
    /// The line of the row's own record when its source record is the unit's (a claim's SY, SI, IY … lines point
    /// to the claim's RE record, one lineage row per claim, and keep their line here).
    public var sourceLine: Int?

    public init(table: Table, person: ResearchID, startDate: CalendarDate, endDate: CalendarDate, typeConceptID: Int,
                quantity: Double?, times: Int?, points: Int?, category: String?, visitID: Int64?, sourceValue: String,
                vocabulary: CodeSystem, sourceName: String?, unitSourceValue: String?, daysSupply: Int? = nil,
                route: String? = nil, sourceRecordID: Int64, sourceLine: Int? = nil) {
        self.daysSupply = daysSupply
        self.route = route
        self.table = table
        self.person = person
        self.startDate = startDate
        self.endDate = endDate
        self.typeConceptID = typeConceptID
        self.quantity = quantity
        self.times = times
        self.points = points
        self.category = category
        self.visitID = visitID
        self.sourceValue = sourceValue
        self.vocabulary = vocabulary
        self.sourceName = sourceName
        self.unitSourceValue = unitSourceValue
        self.sourceRecordID = sourceRecordID
        self.sourceLine = sourceLine
    }
}

/// A coded comment (OMOP note).
public struct NoteRow: Sendable, Hashable {
    public var person: ResearchID
    public var date: CalendarDate
    public var typeConceptID: Int
    public var text: String
    public var visitID: Int64?
    public var sourceValue: String
    public var vocabulary: CodeSystem
    public var sourceRecordID: Int64
    /// The line of the row's own record when its source record is the unit's (a claim's SY, SI, IY … lines point
    /// to the claim's RE record, one lineage row per claim, and keep their line here).
    public var sourceLine: Int?

    public init(person: ResearchID, date: CalendarDate, typeConceptID: Int, text: String, visitID: Int64?,
                sourceValue: String, vocabulary: CodeSystem, sourceRecordID: Int64, sourceLine: Int? = nil) {
        self.person = person
        self.date = date
        self.typeConceptID = typeConceptID
        self.text = text
        self.visitID = visitID
        self.sourceValue = sourceValue
        self.vocabulary = vocabulary
        self.sourceRecordID = sourceRecordID
        self.sourceLine = sourceLine
    }
}

/// A laboratory result or body measurement (OMOP measurement).
public struct MeasurementRow: Sendable, Hashable {
    public var person: ResearchID
    public var date: CalendarDate
    public var typeConceptID: Int
    public var number: Double?
    /// The value as written when it is not a number.
    public var valueSourceValue: String?
    public var unit: String?
    public var rangeLow: Double?
    public var rangeHigh: Double?
    public var rangeSourceValue: String?
    public var abnormalFlag: String?
    public var visitID: Int64?
    public var sourceValue: String
    public var vocabulary: CodeSystem
    public var sourceName: String?
    public var sourceRecordID: Int64
    public var sourceLine: Int?

    public init(person: ResearchID, date: CalendarDate, typeConceptID: Int, number: Double?, valueSourceValue: String?,
                unit: String?, rangeLow: Double?, rangeHigh: Double?, rangeSourceValue: String?, abnormalFlag: String?,
                visitID: Int64?, sourceValue: String, vocabulary: CodeSystem, sourceName: String?, sourceRecordID: Int64,
                sourceLine: Int?) {
        self.person = person
        self.date = date
        self.typeConceptID = typeConceptID
        self.number = number
        self.valueSourceValue = valueSourceValue
        self.unit = unit
        self.rangeLow = rangeLow
        self.rangeHigh = rangeHigh
        self.rangeSourceValue = rangeSourceValue
        self.abnormalFlag = abnormalFlag
        self.visitID = visitID
        self.sourceValue = sourceValue
        self.vocabulary = vocabulary
        self.sourceName = sourceName
        self.sourceRecordID = sourceRecordID
        self.sourceLine = sourceLine
    }
}

/// Another fact about a person (OMOP observation): an allergy, a questionnaire answer.
public struct ObservationRow: Sendable, Hashable {
    public var person: ResearchID
    public var date: CalendarDate
    public var typeConceptID: Int
    /// `allergy:DA`, `questionnaire` …
    public var category: String
    public var number: Double?
    public var valueSourceValue: String?
    public var qualifier: String?
    public var visitID: Int64?
    public var sourceValue: String
    public var vocabulary: CodeSystem
    public var sourceName: String?
    public var sourceRecordID: Int64
    public var sourceLine: Int?

    public init(person: ResearchID, date: CalendarDate, typeConceptID: Int, category: String, number: Double?,
                valueSourceValue: String?, qualifier: String?, visitID: Int64?, sourceValue: String,
                vocabulary: CodeSystem, sourceName: String?, sourceRecordID: Int64, sourceLine: Int?) {
        self.person = person
        self.date = date
        self.typeConceptID = typeConceptID
        self.category = category
        self.number = number
        self.valueSourceValue = valueSourceValue
        self.qualifier = qualifier
        self.visitID = visitID
        self.sourceValue = sourceValue
        self.vocabulary = vocabulary
        self.sourceName = sourceName
        self.sourceRecordID = sourceRecordID
        self.sourceLine = sourceLine
    }
}
