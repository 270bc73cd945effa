public import LifecourseCore

/// A visit, admission or discharge (ADT-12, ADT-22, ADT-52: EVN and PV1).
public struct SSMIX2Visit: Sendable, Hashable {
    /// PV1-2: I inpatient, O outpatient, E emergency.
    public var patientClass: String?
    /// PV1-10: the department (診療科) code.
    public var department: String?
    /// PV1-44 admission and PV1-45 discharge days.
    public var admitted: CalendarDate?
    public var discharged: CalendarDate?
    /// EVN-6 the day the event happened, else EVN-2 the day it was recorded.
    public var eventDate: CalendarDate?
    public var position: SourcePosition
}

/// An allergy (ADT-61 IAM segments, or AL1 in patient messages).
public struct SSMIX2Allergy: Sendable, Hashable {
    /// The allergy type (HL70127: DA drug, FA food, EA environment, LA pollen …).
    public var kind: String?
    /// The allergen: code (HOT9 for drugs, JLAC10 for others, or the hospital's own), name and system.
    public var allergenCode: String?
    public var allergen: String?
    public var allergenSystem: String?
    /// Severity (HL70128: SV severe, MO moderate, MI mild) and the reaction as written.
    public var severity: String?
    public var reaction: String?
    /// When it was first seen, as written (a date, a year and month, or text).
    public var onset: String?
    public var position: SourcePosition
}

extension SSMIX2Reading {
    /// The visit a message records, from its PV1 (nil without one).
    public static func visit(_ segments: [HL7ParsedSegment]) throws(SourceError) -> SSMIX2Visit? {
        guard let pv1 = segments.first(where: { $0.name == "PV1" }) else { return nil }
        var eventDate: CalendarDate?
        if let evn = segments.first(where: { $0.name == "EVN" }) {
            let occurred = try date(evn, 6)
            let recorded = try date(evn, 2)
            eventDate = occurred ?? recorded
        }
        return SSMIX2Visit(patientClass: pv1.value(2), department: pv1.value(10), admitted: try date(pv1, 44),
                           discharged: try date(pv1, 45), eventDate: eventDate, position: pv1.position)
    }

    /// The allergies of a message: IAM segments (ADT-61) and AL1 segments.
    public static func allergies(_ segments: [HL7ParsedSegment]) -> [SSMIX2Allergy] {
        segments.compactMap { segment -> SSMIX2Allergy? in
            // IAM-11 onset date, IAM-12 onset text; AL1-6 identification date.
            let onsetField: [Int] = switch segment.name {
            case "IAM": [11, 12]
            case "AL1": [6]
            default: []
            }
            guard !onsetField.isEmpty else { return nil }
            return SSMIX2Allergy(
                kind: segment.value(2), allergenCode: segment.value(3), allergen: segment.value(3, component: 2),
                allergenSystem: segment.value(3, component: 3), severity: segment.value(4), reaction: segment.value(5),
                onset: onsetField.lazy.compactMap { segment.value($0) }.first, position: segment.position)
        }
    }
}
