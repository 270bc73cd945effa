public import LifecourseCore

/// A drug of a prescription (OMP-01, RXE) or of an administration record (OMP-11, RXA).
public struct SSMIX2Medication: Sendable, Hashable {
    /// The drug code (HOT9 under system HOT9, or the hospital's own), its name and system.
    public var code: String
    public var name: String?
    public var codeSystem: String?
    /// The amount per time (RXE-3, RXA-6) and its unit (RXE-5, RXA-7; MERIT-9 codes such as TAB).
    public var dose: Double?
    public var doseUnit: String?
    /// The total amount per day (RXE-19 for prescriptions), when stated.
    public var dailyDose: Double?
    /// Days supplied (TQ1-6 in days), for prescriptions.
    public var days: Int?
    /// TQ1-3: the usage (用法) as text.
    public var usage: String?
    /// RXR-1: the route (PO 口 …).
    public var route: String?
    /// The day it starts (TQ1-7) or was given (RXA-3); the order's day otherwise.
    public var date: CalendarDate?
    /// ORC-2: the order number.
    public var orderNumber: String?
    public var administered: Bool
    public var position: SourcePosition
}

/// A laboratory result (OML-11, OBX).
public struct SSMIX2LabResult: Sendable, Hashable {
    /// OBX-3: the test code (JLAC10, 17 characters, under JC10), its name and system.
    public var code: String
    public var name: String?
    public var codeSystem: String?
    /// OBX-2 value type (NM, ST, CWE …) and OBX-5 value as written.
    public var valueType: String?
    public var value: String?
    /// The value as a number, for NM results.
    public var number: Double?
    /// OBX-6 unit, OBX-7 reference range, OBX-8 abnormal flag (H, L …).
    public var unit: String?
    public var referenceRange: String?
    public var abnormalFlag: String?
    /// OBX-14, else the specimen's or the request's date.
    public var date: CalendarDate?
    public var position: SourcePosition
}

extension SSMIX2Reading {
    /// The drugs of a prescription (RXE, with the TQ1 and RXR that follow it), injection (an RXE whose drugs are
    /// its RXC components: each becomes a drug with the RXE's day, route and order) or administration (RXA) message.
    public static func medications(_ segments: [HL7ParsedSegment]) throws(SourceError) -> [SSMIX2Medication] {
        var medications = [SSMIX2Medication]()
        var order: String?
        var orderDate: CalendarDate?
        // The RXE of the current group, and the RXEs whose drugs came as RXC components (dropped at the end).
        var group: Int?
        var mixtures = Set<Int>()
        for segment in segments {
            switch segment.name {
            case "ORC":
                order = segment.value(2)
                orderDate = try date(segment, 9)
            case "RXE", "RXA":
                let administered = segment.name == "RXA"
                let codeField = administered ? 5 : 2
                guard let code = segment.value(codeField) else {
                    throw SourceError(at: segment.position.field(codeField),
                                      problem: "\(segment.name)-\(codeField): the drug has no code",
                                      fix: "send the drug with its code (HOT9, or the hospital's own)")
                }
                medications.append(SSMIX2Medication(
                    code: code, name: segment.value(codeField, component: 2),
                    codeSystem: segment.value(codeField, component: 3),
                    dose: try number(segment, administered ? 6 : 3), doseUnit: segment.value(administered ? 7 : 5),
                    dailyDose: administered ? nil : try number(segment, 19), days: nil, usage: nil, route: nil,
                    date: administered ? try date(segment, 3) : orderDate, orderNumber: order,
                    administered: administered, position: segment.position))
                group = administered ? nil : medications.count - 1
            case "RXC" where group != nil:
                guard let code = segment.value(2) else {
                    throw SourceError(at: segment.position.field(2), problem: "RXC-2: the component has no drug code",
                                      fix: "send each component of an injection with its code (HOT9, or the hospital's own)")
                }
                var drug = medications[group!]
                drug.code = code
                drug.name = segment.value(2, component: 2)
                drug.codeSystem = segment.value(2, component: 3)
                drug.dose = try number(segment, 3)
                drug.doseUnit = segment.value(4)
                drug.dailyDose = nil
                drug.position = segment.position
                medications.append(drug)
                mixtures.insert(group!)
            case "TQ1" where group != nil:
                let last = group!
                // The usage is a repeat pattern whose first component carries code & text & system (JAMI 用法).
                medications[last].usage = segment.value(3, subcomponent: 2) ?? segment.value(3, component: 2)
                if let amount = segment.value(6), let days = Int(amount) {
                    medications[last].days = segment.value(6, component: 2) == "d" ? days : nil
                }
                medications[last].date = try date(segment, 7) ?? medications[last].date
            case "RXR" where !medications.isEmpty:
                // An RXR after RXA records gives the route of all of them.
                let route = segment.value(1)
                for index in medications.indices.reversed() where medications[index].route == nil {
                    medications[index].route = route
                    if !medications[index].administered { break }
                }
            default:
                break
            }
        }
        return medications.indices.filter { !mixtures.contains($0) }.map { medications[$0] }
    }

    /// The results of a laboratory message, one per OBX.
    public static func labResults(_ segments: [HL7ParsedSegment]) throws(SourceError) -> [SSMIX2LabResult] {
        var results = [SSMIX2LabResult]()
        var sampleDate: CalendarDate?
        for segment in segments {
            switch segment.name {
            case "SPM": sampleDate = try date(segment, 17) ?? sampleDate
            case "OBR": sampleDate = try date(segment, 7) ?? sampleDate
            case "OBX":
                guard let code = segment.value(3) else {
                    throw SourceError(at: segment.position.field(3), problem: "OBX-3: the result has no test code",
                                      fix: "send the result with its test code (JLAC10, or the hospital's own)")
                }
                let type = segment.value(2)
                results.append(SSMIX2LabResult(
                    code: code, name: segment.value(3, component: 2), codeSystem: segment.value(3, component: 3),
                    valueType: type, value: segment.value(5), number: type == "NM" ? try number(segment, 5) : nil,
                    unit: segment.value(6), referenceRange: segment.value(7), abnormalFlag: segment.value(8),
                    date: try date(segment, 14) ?? sampleDate, position: segment.position))
            default:
                break
            }
        }
        return results
    }
}
