import Foundation
import LifecourseCore

/// What JP Core resources say, in the terms of the source records: the patient (Patient with its Coverage and the
/// payer Organization) for the vault, visits, and clinical events for the research store.
enum FHIRMapping {
    /// The patient identifier system of JP Core: `urn:oid:1.2.392.100495.20.3.51.1` + the institution's 10 digits.
    static let patientSystemPrefix = "urn:oid:1.2.392.100495.20.3.51.1"

    /// The institution a Patient's JP Core patient identifier names, and the patient number there.
    static func patientNumber(_ patient: FHIRResource) -> (institution: InstitutionCode?, number: String)? {
        var fallback: (InstitutionCode?, String)?
        for identifier in patient.array("identifier") {
            guard let value = identifier["value"] as? String, !value.isEmpty else { continue }
            let system = identifier["system"] as? String ?? ""
            if system.hasPrefix(patientSystemPrefix), let code = try? InstitutionCode(system.dropFirst(patientSystemPrefix.count)) {
                return (code, value)
            }
            if fallback == nil, !Self.isMemberID(system) { fallback = (nil, value) }
        }
        return fallback
    }

    /// JP Core's insured-person identifier (`insurer:記号:番号:枝番`), by the end of its system's name.
    static func isMemberID(_ system: String) -> Bool {
        system.hasSuffix("JP_Insurance_memberID") || system.hasSuffix("InsuredPersonIdentifier")
    }

    /// The person a Patient describes, with the cards of the Coverages whose beneficiary it is.
    static func identity(_ patient: FHIRResource, coverages: [FHIRResource],
                         organizations: [String: FHIRResource]) throws(SourceError) -> PersonIdentity {
        var identity = PersonIdentity()
        identity.patientNumber = patientNumber(patient)?.number
        for name in patient.array("name") {
            let representation = (name["extension"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }
                .first { $0["url"] as? String == JPCore.nameRepresentation }?["valueCode"] as? String
            let given = (name["given"] as? [Any] ?? []).compactMap { $0 as? String }.joined(separator: "\u{3000}")
            let text = (name["text"] as? String)
                ?? [name["family"] as? String ?? "", given].filter { !$0.isEmpty }.joined(separator: "\u{3000}")
            guard !text.isEmpty else { continue }
            if representation == "SYL" {
                identity.kanaName = identity.kanaName ?? text
            } else {
                identity.name = identity.name ?? text
            }
        }
        identity.birthDate = try patient.day("birthDate")
        switch patient.string("gender") {
        case "male": identity.sex = .male
        case "female": identity.sex = .female
        case nil, "unknown", "other": identity.sex = .unknown
        case let other?:
            throw patient.error("gender", "'\(other)' is not male, female, other or unknown",
                                fix: "send the administrative gender as FHIR codes it")
        }
        if let address = patient.object("address") {
            let text = address["text"] as? String
                ?? [address["state"], address["city"]].compactMap { $0 as? String }.joined()
                + ((address["line"] as? [Any])?.compactMap { $0 as? String }.joined() ?? "")
            let joined = [address["postalCode"] as? String ?? "", text].filter { !$0.isEmpty }.joined(separator: " ")
            identity.address = joined.isEmpty ? nil : joined
        }
        for identifier in patient.array("identifier") where isMemberID(identifier["system"] as? String ?? "") {
            let parts = (identifier["value"] as? String ?? "").split(separator: ":", omittingEmptySubsequences: false)
                .map(String.init)
            guard parts.count >= 3, !parts[0].isEmpty, !parts[2].isEmpty else { continue }
            identity.insuranceCards.append(InsuranceCard(insurerNumber: parts[0], symbol: parts[1].isEmpty ? nil : parts[1],
                                                         number: parts[2],
                                                         branch: parts.count > 3 && !parts[3].isEmpty ? parts[3] : nil))
        }
        for coverage in coverages {
            if let card = try self.card(coverage, organizations: organizations),
               !identity.insuranceCards.contains(card) {
                identity.insuranceCards.append(card)
            }
        }
        return identity
    }

    /// A Coverage's card: the payer's 保険者番号 (its Organization's identifier, or the payor's own), the 記号, 番号
    /// and 枝番 extensions (else subscriberId `記号・番号` and dependent).
    static func card(_ coverage: FHIRResource, organizations: [String: FHIRResource]) throws(SourceError) -> InsuranceCard? {
        func extensionValue(_ url: String) -> String? {
            coverage.array("extension").first { $0["url"] as? String == url }?["valueString"] as? String
        }
        var insurer: String?
        for payor in coverage.array("payor") {
            if let identifier = payor["identifier"] as? [String: Any], let value = identifier["value"] as? String {
                insurer = value
            } else if let reference = payor["reference"] as? String, let organization = organizations[reference] {
                insurer = organization.array("identifier").first {
                    $0["system"] as? String == JPCore.insurerNumberSystem
                }?["value"] as? String
            }
            if insurer != nil { break }
        }
        var symbol = extensionValue(JPCore.insuredPersonSymbol)
        var number = extensionValue(JPCore.insuredPersonNumber)
        if number == nil, let subscriber = coverage.string("subscriberId") {
            let parts = subscriber.split(separator: "・", maxSplits: 1).map(String.init)
            (symbol, number) = parts.count == 2 ? (parts[0], parts[1]) : (nil, subscriber)
        }
        guard let number, !number.isEmpty else { return nil }
        guard let insurer else {
            throw coverage.error("payor", "the card names no insurer (保険者番号)",
                                 fix: "send the payer as an Organization with the identifier \(JPCore.insurerNumberSystem)")
        }
        return InsuranceCard(insurerNumber: insurer, symbol: symbol, number: number,
                             branch: extensionValue(JPCore.insuredPersonSubNumber) ?? coverage.string("dependent"))
    }

    /// An Encounter's visit: AMB (and EMER, HH …) outpatient, IMP / ACUTE / NONAC inpatient, over its period.
    static func encounter(_ resource: FHIRResource) throws(SourceError) -> Encounter {
        let period = resource.object("period")
        guard let start = try resource.day("start", in: period) else {
            throw resource.error("period.start", "the encounter has no start day", fix: "send the encounter's period")
        }
        let end = try resource.day("end", in: period) ?? start
        guard end >= start else {
            throw resource.error("period.end", "the end \(end) is before the start \(start)", fix: "correct the period")
        }
        let kind = resource.object("class")?["code"] as? String ?? ""
        let inpatient = ["IMP", "ACUTE", "NONAC"].contains(kind)
        return Encounter(setting: inpatient ? .inpatient : .outpatient, startDate: start, endDate: end,
                         admissionDate: inpatient ? start : nil)
    }

    /// A code system URL as the research store names it.
    static func codeSystem(_ url: String?) -> CodeSystem {
        switch url {
        case JPCore.hot9?: .hot9
        case JPCore.yj?: .yj
        case JPCore.jlac10?: .jlac10
        case JPCore.icd10?: .icd10
        case JPCore.claimsDisease?: .claimsDisease
        case "http://loinc.org"?: .loinc
        case let url? where url.contains("masterS"): .claimsProcedure
        case let url? where url.contains("masterY"): .claimsDrug
        default: .local
        }
    }
}
