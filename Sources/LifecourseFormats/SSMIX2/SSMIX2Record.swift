public import LifecourseCore

/// Turns one SS-MIX2 message into the source record every reader produces: the patient, the visit the message
/// records, and its clinical events (diagnoses, drugs, results, allergies). Data types Lifecourse does not map
/// (imaging, meals, transfers, orders without results …) become a record with no events whose message is kept
/// whole, encrypted in the vault, with the person.
public enum SSMIX2Record {
    /// Where a message comes from: its file, and what the storage tree says about it when it sits in one.
    public struct Origin: Sendable {
        public var path: String
        public var institution: InstitutionCode
        /// The file's place in SS-MIX2 storage, when it has one (it gives the data type, the day and the patient ID).
        public var storage: SSMIX2File?

        public init(path: String, institution: InstitutionCode, storage: SSMIX2File?) {
            self.path = path
            self.institution = institution
            self.storage = storage
        }
    }

    /// The data types whose contents are mapped; the others are kept whole.
    public static let mappedTypes: Set<String> = [
        "ADT-00", "ADT-12", "ADT-22", "ADT-52", "ADT-61", "PPR-01", "OMP-01", "OMP-02", "OMP-11", "OMP-12", "OML-11",
    ]

    /// The source record of a message.
    /// - Parameter text: the message as decoded, kept in the vault when its data type is not mapped.
    /// - Throws: ``SourceError`` naming the segment and field of the first value that cannot be read.
    public static func make(_ segments: [HL7ParsedSegment], text: @autoclosure () -> String,
                            origin: Origin) throws(SourceError) -> SourceRecord {
        let type = origin.storage?.dataType ?? dataType(ofMessage: segments)
        var identity = try SSMIX2Reading.identity(segments)
        // The storage's patient ID is the hospital's; PID-3 should agree (a warning says when it does not).
        if let id = origin.storage?.patientID { identity.patientNumber = id }
        let messageDate = try self.messageDate(segments)
        let day = origin.storage?.day ?? messageDate
        var record = SourceRecord(
            format: .ssmix2, position: SourcePosition(file: origin.path, line: 1), lastLine: segments.count,
            sender: .institution(origin.institution), identity: identity, encounter: nil, events: [], claim: nil,
            unknownRecords: [])
        record.unitType = origin.storage?.condition == .pastHistory ? type + " past-history" : type
        func dated(_ date: CalendarDate?, at position: SourcePosition, _ field: String) throws(SourceError) -> CalendarDate {
            guard let date = date ?? day else {
                throw SourceError(at: position, problem: "\(field): no date, and the message has none",
                                  fix: "send the date in \(field), or the message's time in MSH-7")
            }
            return date
        }
        switch type {
        case "ADT-00":
            record.events += try measurements(segments, day: day)
            record.events += try allergies(segments, day: day, freeText: &record.freeText)
        case "ADT-12", "ADT-22", "ADT-52":
            record.encounter = try encounter(segments, type: type, day: day)
        case "ADT-61":
            record.events += try allergies(segments, day: day, freeText: &record.freeText)
        case "PPR-01":
            for diagnosis in try SSMIX2Reading.diagnoses(segments) {
                let system = codeSystem(diagnosis.codeSystem)
                record.events.append(.diagnosis(ClinicalEvent.Diagnosis(
                    system: system, code: diagnosis.code, name: diagnosis.name,
                    startDate: try dated(diagnosis.onset, at: diagnosis.position.field(16), "PRB-16"),
                    endDate: diagnosis.resolved, outcome: outcome(diagnosis.outcome, resolved: diagnosis.resolved),
                    modifiers: [], isMain: diagnosis.isMain, icd10: diagnosis.icd10, position: diagnosis.position)))
            }
        case "OMP-01", "OMP-02", "OMP-11", "OMP-12":
            for drug in try SSMIX2Reading.medications(segments) {
                let start = try dated(drug.date, at: drug.position, "TQ1-7 or ORC-9")
                let days = drug.days.flatMap { $0 > 0 ? $0 : nil }
                record.events.append(.drug(ClinicalEvent.Service(
                    system: codeSystem(drug.codeSystem), code: drug.code, name: drug.name, category: type,
                    startDate: start, endDate: days.map { start.adding(days: $0 - 1) } ?? start,
                    quantity: drug.dailyDose ?? drug.dose, times: days, points: nil, unitCode: drug.doseUnit,
                    daysSupply: days, route: drug.route, position: drug.position)))
            }
        case "OML-11":
            record.events += try measurements(segments, day: day)
        default:
            record.unknownRecords.append(UnknownRecord(recordType: type, text: text(), position: record.position))
        }
        return record
    }

    /// The data type a message's type stands for (MSH-9), for a message outside a storage tree.
    public static func dataType(ofMessage segments: [HL7ParsedSegment]) -> String {
        let msh = segments.first { $0.name == "MSH" }
        let code = msh?.value(9) ?? ""
        let event = msh?.value(9, component: 2) ?? ""
        return switch (code, event) {
        case ("ADT", "A08"), ("ADT", "A23"): "ADT-00"
        case ("ADT", "A04"): "ADT-12"
        case ("ADT", "A01"): "ADT-22"
        case ("ADT", "A03"): "ADT-52"
        case ("ADT", "A60"): "ADT-61"
        case ("PPR", _): "PPR-01"
        case ("RDE", _): "OMP-01"
        case ("RAS", _): "OMP-11"
        case ("OUL", _): "OML-11"
        default: code.isEmpty ? "HL7" : "\(code)^\(event)"
        }
    }

    /// HL7 coding-system names as SS-MIX2 uses them.
    static func codeSystem(_ name: String?) -> CodeSystem {
        switch name {
        case "HOT9": .hot9
        case "JC10": .jlac10
        case "MDCDX2": .medisDisease
        case "I10": .icd10
        default: .local
        }
    }

    /// HL7 table 0241 (patient outcome) as a 転帰: F fully recovered 治ゆ, D dead 死亡; any other outcome with an
    /// end date 中止; no end date, continuing.
    static func outcome(_ code: String?, resolved: CalendarDate?) -> DiagnosisOutcome {
        switch code {
        case "F": .cured
        case "D": .died
        default: resolved == nil ? .continuing : .stopped
        }
    }

    /// The visit an ADT message records: a day's outpatient visit (ADT-12), an admission (ADT-22, the stay's first
    /// day until a discharge extends it) or a stay that ended (ADT-52; without its admission date in PV1-44, the
    /// discharge day alone, with no admission date, for the writer to end the stay it belongs to).
    static func encounter(_ segments: [HL7ParsedSegment], type: String, day: CalendarDate?) throws(SourceError) -> Encounter? {
        let visit = try SSMIX2Reading.visit(segments)
        let date = visit?.eventDate ?? day
        switch type {
        case "ADT-12":
            guard let date = day ?? date else { return nil }
            return Encounter(setting: .outpatient, startDate: date, endDate: date, admissionDate: nil)
        default:
            if type == "ADT-52", visit?.admitted == nil, let discharged = visit?.discharged ?? date {
                return Encounter(setting: .inpatient, startDate: discharged, endDate: discharged, admissionDate: nil)
            }
            guard let admitted = visit?.admitted ?? (type == "ADT-22" ? date : nil) else {
                let position = visit?.position ?? segments[0].position
                throw SourceError(at: position.field(44), problem: "PV1-44: the admission message gives no admission date, and the message no date",
                                  fix: "send the admission date in PV1-44")
            }
            let discharged = type == "ADT-52" ? (visit?.discharged ?? date ?? admitted) : admitted
            guard discharged >= admitted else {
                throw SourceError(at: (visit?.position ?? segments[0].position).field(45),
                                  problem: "PV1-45: discharge \(discharged) is before admission \(admitted)",
                                  fix: "correct the dates in the sending system")
            }
            return Encounter(setting: .inpatient, startDate: admitted, endDate: discharged, admissionDate: admitted)
        }
    }

    /// Laboratory results and body measurements (OBX).
    static func measurements(_ segments: [HL7ParsedSegment], day: CalendarDate?) throws(SourceError) -> [ClinicalEvent] {
        var events = [ClinicalEvent]()
        for result in try SSMIX2Reading.labResults(segments) {
            guard let date = result.date ?? day else {
                throw SourceError(at: result.position.field(14), problem: "OBX-14: the result has no date, and the message has none",
                                  fix: "send the time of the observation in OBX-14")
            }
            events.append(.measurement(ClinicalEvent.Measurement(
                system: codeSystem(result.codeSystem), code: result.code, name: result.name, date: date,
                number: result.number, text: result.number == nil ? result.value : nil, unit: result.unit,
                referenceRange: result.referenceRange, abnormalFlag: result.abnormalFlag, position: result.position)))
        }
        return events
    }

    /// Allergies (IAM, AL1) as observations. The reaction and an onset given only as text are free text: they are
    /// kept encrypted with the person, not in the research store.
    static func allergies(_ segments: [HL7ParsedSegment], day: CalendarDate?,
                          freeText: inout [UnknownRecord]) throws(SourceError) -> [ClinicalEvent] {
        var events = [ClinicalEvent]()
        for allergy in SSMIX2Reading.allergies(segments) {
            guard let code = allergy.allergenCode ?? allergy.allergen else { continue }
            let onset = allergy.onset.flatMap(partialDate)
            guard let date = onset ?? day else {
                throw SourceError(at: allergy.position.field(11), problem: "\(allergy.position.line.map { "segment \($0)" } ?? "IAM"): the allergy has no date, and the message has none",
                                  fix: "send when the allergy was identified (IAM-11) or the message time (MSH-7)")
            }
            events.append(.observation(ClinicalEvent.Observation(
                category: "allergy" + (allergy.kind.map { ":" + $0 } ?? ""),
                system: allergy.allergenCode == nil ? .local : codeSystem(allergy.allergenSystem), code: code,
                name: allergy.allergen, date: date, qualifier: allergy.severity, position: allergy.position)))
            if let reaction = allergy.reaction {
                freeText.append(UnknownRecord(recordType: "allergy-reaction", text: reaction, position: allergy.position))
            }
            if let text = allergy.onset, onset == nil {
                freeText.append(UnknownRecord(recordType: "allergy-onset", text: text, position: allergy.position))
            }
        }
        return events
    }

    /// A date written in full, as a year and month (its first day) or as a year (its first day).
    static func partialDate(_ text: String) -> CalendarDate? {
        guard text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        let padded: String = switch text.utf8.count {
        case 4: text + "0101"
        case 6: text + "01"
        case 8...: String(text.prefix(8))
        default: ""
        }
        return try? DateCode.date(padded)
    }

    /// The day of the event the message records (EVN-6, else EVN-2), else of the message (MSH-7).
    static func messageDate(_ segments: [HL7ParsedSegment]) throws(SourceError) -> CalendarDate? {
        if let evn = segments.first(where: { $0.name == "EVN" }) {
            if let occurred = try SSMIX2Reading.date(evn, 6) { return occurred }
            if let recorded = try SSMIX2Reading.date(evn, 2) { return recorded }
        }
        guard let msh = segments.first(where: { $0.name == "MSH" }) else { return nil }
        return try SSMIX2Reading.date(msh, 7)
    }
}
