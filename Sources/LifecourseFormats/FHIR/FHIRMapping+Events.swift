import Foundation
import LifecourseCore

extension FHIRMapping {
    /// The clinical event a resource records, or nil for a resource type that records none (Patient, Coverage,
    /// Organization, Practitioner …). Free text (an Observation's string value is a result, kept; notes are not
    /// read) stays out.
    static func event(_ resource: FHIRResource) throws(SourceError) -> ClinicalEvent? {
        switch resource.type {
        case "Condition": return try condition(resource)
        case "MedicationRequest", "MedicationStatement": return try medication(resource)
        case "Observation": return try observation(resource)
        case "AllergyIntolerance": return try allergy(resource)
        case "Procedure": return try procedure(resource)
        default: return nil
        }
    }

    /// Condition: the claims disease code (else the first coding, else the text alone), ICD-10 beside it, onset,
    /// abatement, and the clinical status as the outcome (resolved 治ゆ, inactive 中止).
    static func condition(_ resource: FHIRResource) throws(SourceError) -> ClinicalEvent {
        guard let coding = resource.coding("code", preferring: [JPCore.claimsDisease, JPCore.icd10]) else {
            throw resource.error("code", "the condition has neither a code nor a text", fix: "send the disease's code or name")
        }
        let onsetPeriod = resource.object("onsetPeriod")
        guard let start = try resource.firstDay([("onsetDateTime", nil), ("start", onsetPeriod), ("recordedDate", nil)]) else {
            throw resource.error("onsetDateTime", "the condition has no onset or recorded date",
                                 fix: "send onsetDateTime (or recordedDate)")
        }
        let end = try resource.day("abatementDateTime")
        let status = resource.code("clinicalStatus", system: "http://terminology.hl7.org/CodeSystem/condition-clinical")
        let outcome: DiagnosisOutcome = switch status {
        case "resolved", "remission": .cured
        case "inactive": .stopped
        default: end == nil ? .continuing : .stopped
        }
        let isICD = coding.system == JPCore.icd10
        return .diagnosis(ClinicalEvent.Diagnosis(
            system: isICD ? .icd10 : (coding.system == nil ? .local : codeSystem(coding.system)), code: coding.code,
            name: coding.display, startDate: start, endDate: end, outcome: outcome, modifiers: [], isMain: false,
            icd10: resource.code("code", system: JPCore.icd10), position: resource.position))
    }

    /// MedicationRequest and MedicationStatement: the drug (HOT9, else YJ, else the first coding), the daily
    /// amount (a rate per day, else the dose), its unit, the days supplied, the route, from authoredOn or the
    /// effective date or period.
    static func medication(_ resource: FHIRResource) throws(SourceError) -> ClinicalEvent {
        guard let coding = resource.coding("medicationCodeableConcept", preferring: [JPCore.hot9, JPCore.yj]),
              !coding.code.isEmpty else {
            throw resource.error("medicationCodeableConcept", "the drug has no code",
                                 fix: "send the drug coded (HOT9 or YJ), not only as a reference or text")
        }
        let effective = resource.object("effectivePeriod")
        guard let start = try resource.firstDay([("authoredOn", nil), ("effectiveDateTime", nil), ("start", effective)]) else {
            throw resource.error(resource.type == "MedicationRequest" ? "authoredOn" : "effectiveDateTime",
                                 "the medication has no date", fix: "send the day it was ordered or taken")
        }
        let dosage = resource.object("dosageInstruction") ?? resource.object("dosage")
        let rate = ((dosage?["doseAndRate"] as? [Any])?.first as? [String: Any])
        let numerator = (rate?["rateRatio"] as? [String: Any])?["numerator"] as? [String: Any]
        let dose = numerator ?? rate?["doseQuantity"] as? [String: Any]
        let supply = resource.object("dispenseRequest.expectedSupplyDuration")
        let days = FHIRResource.number(supply?["value"]).map { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
        var end = try resource.day("end", in: effective) ?? start
        if let days, try resource.day("end", in: effective) == nil { end = start.adding(days: days - 1) }
        if end < start { end = start }
        let route = ((dosage?["route"] as? [String: Any])?["coding"] as? [Any])?.first as? [String: Any]
        return .drug(ClinicalEvent.Service(
            system: codeSystem(coding.system), code: coding.code, name: coding.display, category: resource.type,
            startDate: start, endDate: end, quantity: FHIRResource.number(dose?["value"]), times: days, points: nil,
            unitCode: dose?["code"] as? String ?? dose?["unit"] as? String, daysSupply: days,
            route: route?["code"] as? String, position: resource.position))
    }

    /// Observation: a measurement by its JLAC10 (else LOINC, else first) code, a quantity, a coded value or a
    /// string, the reference range and the interpretation, on its effective day.
    static func observation(_ resource: FHIRResource) throws(SourceError) -> ClinicalEvent {
        guard let coding = resource.coding("code", preferring: [JPCore.jlac10, "http://loinc.org"]), !coding.code.isEmpty else {
            throw resource.error("code", "the observation has no code", fix: "send the observation coded (JLAC10 or LOINC)")
        }
        guard let date = try resource.firstDay([("effectiveDateTime", nil), ("start", resource.object("effectivePeriod")),
                                                ("issued", nil)]) else {
            throw resource.error("effectiveDateTime", "the observation has no date", fix: "send effectiveDateTime")
        }
        let quantity = resource.object("valueQuantity")
        let text = resource.string("valueString") ?? resource.coding("valueCodeableConcept", preferring: [])?.code
        let range = resource.object("referenceRange")
        let low = FHIRResource.number((range?["low"] as? [String: Any])?["value"])
        let high = FHIRResource.number((range?["high"] as? [String: Any])?["value"])
        var measurement = ClinicalEvent.Measurement(
            system: codeSystem(coding.system), code: coding.code, name: coding.display, date: date,
            number: FHIRResource.number(quantity?["value"]), text: quantity == nil ? text : nil,
            unit: quantity?["unit"] as? String ?? quantity?["code"] as? String,
            referenceRange: range?["text"] as? String, abnormalFlag: resource.coding("interpretation", preferring: [])?.code,
            position: resource.position)
        measurement.rangeLow = measurement.rangeLow ?? low
        measurement.rangeHigh = measurement.rangeHigh ?? high
        return .measurement(measurement)
    }

    /// AllergyIntolerance: an observation `allergy:{category}` (food, medication, environment, biologic) with the
    /// allergen's code and the worst reaction's severity, on its onset or recorded day.
    static func allergy(_ resource: FHIRResource) throws(SourceError) -> ClinicalEvent {
        guard let coding = resource.coding("code", preferring: [JPCore.hot9, JPCore.jlac10]) else {
            throw resource.error("code", "the allergy names no allergen", fix: "send the allergen's code or name")
        }
        guard let date = try resource.firstDay([("onsetDateTime", nil), ("recordedDate", nil)]) else {
            throw resource.error("recordedDate", "the allergy has no date", fix: "send onsetDateTime or recordedDate")
        }
        let category = (resource.json["category"] as? [Any])?.first as? String
        let severities = resource.array("reaction").compactMap { $0["severity"] as? String }
        let worst = ["severe", "moderate", "mild"].first { severities.contains($0) }
        return .observation(ClinicalEvent.Observation(
            category: "allergy" + (category.map { ":" + $0 } ?? ""),
            system: coding.code.isEmpty ? .local : codeSystem(coding.system),
            code: coding.code.isEmpty ? coding.display ?? "" : coding.code, name: coding.display, date: date,
            qualifier: worst, position: resource.position))
    }

    /// Procedure: by its code (claims 診療行為 code when the system is master S), over its performed day or period.
    static func procedure(_ resource: FHIRResource) throws(SourceError) -> ClinicalEvent {
        guard let coding = resource.coding("code", preferring: []), !coding.code.isEmpty else {
            throw resource.error("code", "the procedure has no code", fix: "send the procedure coded")
        }
        let period = resource.object("performedPeriod")
        guard let start = try resource.firstDay([("performedDateTime", nil), ("start", period)]) else {
            throw resource.error("performedDateTime", "the procedure has no date", fix: "send performedDateTime or performedPeriod")
        }
        let end = max(start, try resource.firstDay([("end", period)]) ?? start)
        return .procedure(ClinicalEvent.Service(
            system: codeSystem(coding.system), code: coding.code, name: coding.display, category: "Procedure",
            startDate: start, endDate: end, quantity: nil, times: nil, points: nil, unitCode: nil,
            position: resource.position))
    }
}
