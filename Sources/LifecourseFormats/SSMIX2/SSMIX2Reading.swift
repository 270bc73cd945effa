public import LifecourseCore

/// A disease name of a PPR-01 message (PRB segment), as the hospital recorded it.
public struct SSMIX2Diagnosis: Sendable, Hashable {
    /// PRB-3: the disease code (MEDIS 病名管理番号 under MDCDX2, or the hospital's own) and its name.
    public var code: String
    public var name: String?
    public var codeSystem: String?
    /// PRB-10: the ICD-10 code (without the dot), when given.
    public var icd10: String?
    /// PRB-16 date of onset, else PRB-7 the date the problem was established.
    public var onset: CalendarDate?
    /// PRB-9: the date it resolved, when it did.
    public var resolved: CalendarDate?
    /// PRB-14: the outcome code (HL70241: N 回復せず, R 回復, D 死亡 …) and its text.
    public var outcome: String?
    /// PRB-18 ranking 1 (主診断).
    public var isMain: Bool
    public var position: SourcePosition
}

/// What SS-MIX2 messages say about a patient, read from their parsed segments.
public enum SSMIX2Reading {
    /// The patient a message names: PID-3 patient ID, PID-5 names (the kanji repetition marked I, the kana one
    /// marked P; family and given name joined by a full-width space), PID-7 birth date, PID-8 sex, PID-11 address
    /// (postal code first), insurance cards from IN1.
    /// - Throws: ``SourceError`` naming the segment and field when PID is missing or a value is wrong.
    public static func identity(_ segments: [HL7ParsedSegment]) throws(SourceError) -> PersonIdentity {
        guard let pid = segments.first(where: { $0.name == "PID" }) else {
            let position = segments.first?.position ?? SourcePosition(file: "")
            throw SourceError(at: position, problem: "the message has no PID segment, so it names no patient",
                              fix: "every SS-MIX2 message carries the patient's PID segment; ask the sender for the whole file")
        }
        var identity = PersonIdentity()
        identity.patientNumber = pid.value(3)
        for (index, name) in pid.repetitions(5).enumerated() {
            let family = name.first ?? ""
            let given = name.count > 1 ? name[1] : ""
            let text = [family, given].filter { !$0.isEmpty }.joined(separator: "\u{3000}")
            guard !text.isEmpty else { continue }
            let representation = name.count > 7 ? name[7] : ""
            if representation == "P" {
                identity.kanaName = identity.kanaName ?? text
            } else if representation == "I" || index == 0 {
                identity.name = identity.name ?? text
            }
        }
        identity.birthDate = try date(pid, 7)
        if let sex = pid.value(8) {
            do {
                identity.sex = try Sex(hl7Code: sex)
            } catch {
                throw SourceError(at: pid.position.field(8), problem: "PID-8: \(error)",
                                  fix: "send M, F, O or U as HL7 table 0001 lists them")
            }
        }
        // IN1 (ADT-00): IN1-3 保険者番号, IN1-10 記号, IN1-11 番号, as JAHIS's patient-information profile places them
        // (the fixture's ZI1 segment, which copies IN1's layout, agrees). A card without a number links nobody.
        for in1 in segments where in1.name == "IN1" {
            guard let insurer = in1.value(3), let number = in1.value(11) else { continue }
            identity.insuranceCards.append(InsuranceCard(insurerNumber: insurer, symbol: in1.value(10), number: number,
                                                         branch: nil))
        }
        if let address = pid.repetitions(11).first {
            func component(_ index: Int) -> String { index < address.count ? address[index] : "" }
            let text = component(0).isEmpty ? component(7) : component(0)
            let joined = [component(4), text].filter { !$0.isEmpty }.joined(separator: " ")
            identity.address = joined.isEmpty ? nil : joined
        }
        return identity
    }

    /// The disease names of a PPR-01 message, one per PRB segment.
    public static func diagnoses(_ segments: [HL7ParsedSegment]) throws(SourceError) -> [SSMIX2Diagnosis] {
        var diagnoses = [SSMIX2Diagnosis]()
        for prb in segments where prb.name == "PRB" {
            // A disease named in words only (an uncoded disease name) has an empty code.
            let name = prb.value(3, component: 2)
            guard let code = prb.value(3) ?? name.map({ _ in "" }) else {
                throw SourceError(at: prb.position.field(3), problem: "PRB-3: the disease has neither a code nor a name",
                                  fix: "send the disease with its code (MEDIS 病名管理番号, or the hospital's own) or its name")
            }
            let icd10System = prb.value(10, component: 3)
            let onset = try date(prb, 16)
            let established = try date(prb, 7)
            diagnoses.append(SSMIX2Diagnosis(
                code: code, name: name, codeSystem: code.isEmpty ? nil : prb.value(3, component: 3),
                icd10: icd10System == nil || icd10System == "I10" ? prb.value(10) : nil,
                onset: onset ?? established, resolved: try date(prb, 9), outcome: prb.value(14),
                isMain: prb.value(18) == "1", position: prb.position))
        }
        return diagnoses
    }

    /// A date or date-time field's day, or nil when empty.
    static func date(_ segment: HL7ParsedSegment, _ field: Int) throws(SourceError) -> CalendarDate? {
        guard let text = segment.value(field) else { return nil }
        do {
            return try DateCode.date(text.prefix(8))
        } catch {
            throw SourceError(at: segment.position.field(field),
                              problem: "\(segment.name)-\(field): '\(text)' is not a date or date-time: \(error)",
                              fix: "correct the date in the sending system")
        }
    }

    /// A numeric field, or nil when empty.
    static func number(_ segment: HL7ParsedSegment, _ field: Int) throws(SourceError) -> Double? {
        guard let text = segment.value(field) else { return nil }
        guard let value = Double(text), value.isFinite else {
            throw SourceError(at: segment.position.field(field), problem: "\(segment.name)-\(field): '\(text)' is not a number",
                              fix: "send the amount as a number")
        }
        return value
    }
}
