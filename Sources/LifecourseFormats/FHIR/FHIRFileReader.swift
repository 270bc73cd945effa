import Foundation
public import LifecourseCore

/// Reads FHIR R4 (JP Core) JSON: a Bundle of any type (collection, transaction, document, batch, searchset,
/// message), a single resource, or NDJSON (one resource or Bundle per line). Resources are grouped by the Patient
/// they are about; each Patient is one unit (its identity, its Coverages' cards, its clinical events), and each of
/// its Encounters one more unit (a visit). A resource that cannot be read quarantines its patient's unit with the
/// first problem; a line of NDJSON that is not JSON is quarantined alone; a file that is not JSON at all is
/// quarantined whole. A resource of a type that is not mapped is kept whole, encrypted, with its person. Resources whose Patient is in another file (a Bulk Data export has one NDJSON file per
/// resource type) form a unit per referenced Patient whose identity is the bare reference: the linker finds the
/// person the Patient's file gave that reference to, or refuses the file until it has come.
public struct FHIRFileReader: SourceUnitReader {
    /// A file larger than this is refused (a Bundle is parsed whole).
    public static let maximumBytes = 256 << 20

    public let path: String
    /// The institution, when the command or the folder names it; a Patient's JP Core identifier names its own.
    public let institution: InstitutionCode?

    public init(path: String, institution: InstitutionCode?) {
        self.path = path
        self.institution = institution
    }

    @discardableResult
    public func forEachEvent(progress: (Int) -> Void, _ body: (SourceUnitEvent) throws -> Void) throws -> Int {
        let bytes = try ChunkedFile(path: path).bytes(
            limit: Self.maximumBytes, unit: "FHIR JSON; send large exports as NDJSON files of at most that size")
        progress(bytes.count)
        var resources = [FHIRResource]()
        var badLines = 0
        if let whole = Self.object(bytes[...]) {
            do throws(SourceError) {
                resources = try self.resources(whole, line: nil)
            } catch {
                try body(.quarantined(QuarantinedRow(lastLine: Self.lines(bytes), problem: error, rawBytes: bytes)))
                return 0
            }
        } else if Self.isSingleObject(bytes) {
            try body(.quarantined(QuarantinedRow(lastLine: Self.lines(bytes), problem: Self.jsonProblem(bytes[...], file: path, line: 1),
                                                 rawBytes: bytes)))
            return 0
        } else {
            // NDJSON: each line on its own.
            var number = 0
            for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
                number += 1
                let trimmed = line.last == 0x0D ? line.dropLast() : line
                guard trimmed.contains(where: { $0 > 0x20 }) else { continue }
                guard let object = Self.object(trimmed) else {
                    try body(.quarantined(QuarantinedRow(firstLine: number, lastLine: number,
                                                         problem: Self.jsonProblem(trimmed, file: path, line: number),
                                                         rawBytes: Array(trimmed))))
                    badLines += 1
                    continue
                }
                do throws(SourceError) {
                    resources += try self.resources(object, line: number)
                } catch {
                    try body(.quarantined(QuarantinedRow(firstLine: number, lastLine: number, problem: error,
                                                         rawBytes: Array(trimmed))))
                    badLines += 1
                }
            }
        }
        try emitUnits(resources, body)
        return resources.count + badLines
    }

    /// The resources of a parsed object: a Bundle's entries (positioned by entry number, or by the NDJSON line),
    /// or the resource itself.
    private func resources(_ object: [String: Any], line: Int?) throws(SourceError) -> [FHIRResource] {
        guard let type = object["resourceType"] as? String else {
            throw SourceError(at: SourcePosition(file: path, line: line ?? 1), problem: "the JSON object has no resourceType: it is not a FHIR resource",
                              fix: "send FHIR R4 JSON (a Bundle, a resource, or NDJSON of resources)")
        }
        guard type == "Bundle" else {
            return [FHIRResource(json: object, position: SourcePosition(file: path, line: line ?? 1), fullURL: nil)]
        }
        let entries = (object["entry"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }
        return entries.enumerated().compactMap { offset, entry in
            guard let resource = entry["resource"] as? [String: Any] else { return nil }
            return FHIRResource(json: resource, position: SourcePosition(file: path, line: line ?? offset + 1),
                                fullURL: entry["fullUrl"] as? String)
        }
    }

    /// Groups resources by Patient and hands over one unit per Patient and per Encounter.
    private func emitUnits(_ resources: [FHIRResource], _ body: (SourceUnitEvent) throws -> Void) throws {
        var patientOf = [String: Int]()
        var organizations = [String: FHIRResource]()
        let patients = resources.filter { $0.type == "Patient" }
        for (index, patient) in patients.enumerated() {
            for name in patient.names { patientOf[name] = index }
        }
        for organization in resources where organization.type == "Organization" {
            for name in organization.names { organizations[name] = organization }
        }
        var belonging = Array(repeating: [FHIRResource](), count: patients.count)
        var elsewhere = [String: [FHIRResource]]()
        var order = [String]()
        for resource in resources where !["Patient", "Organization", "Practitioner", "PractitionerRole", "Location",
                                         "Medication", "Composition", "Bundle"].contains(resource.type) {
            let reference = resource.subjectReference
            if let reference, let index = patientOf[reference] ?? patientOf[Self.relative(reference)] {
                belonging[index].append(resource)
            } else if reference == nil, patients.count == 1 {
                belonging[0].append(resource)
            } else if let reference, institution != nil, !reference.hasPrefix("urn:"),
                      Self.relative(reference).hasPrefix("Patient/") {
                let key = Self.relative(reference)
                if elsewhere[key] == nil { order.append(key) }
                elsewhere[key, default: []].append(resource)
            } else {
                let problem = resource.error(resource.type == "AllergyIntolerance" ? "patient" : "subject",
                                             reference.map { "its patient \($0) is not in this file, and no institution was named to find them by" }
                                                 ?? "it names no patient",
                                             fix: "send the Patient with the resources about them, or name the institution with --institution CODE")
                try body(.quarantined(QuarantinedRow(firstLine: resource.position.line ?? 1,
                                                     lastLine: resource.position.line ?? 1, problem: problem,
                                                     rawBytes: Self.bytes(resource.json))))
            }
        }
        var groups = patients.enumerated().map { index, patient in (patient, [patient] + belonging[index]) }
            .map { (patient: Optional($0.0), reference: Optional<String>.none, resources: $0.1) }
        groups += order.map { (patient: nil, reference: $0, resources: elsewhere[$0]!) }
        for group in groups {
            let read: Result<[SourceRecord], SourceError> = Result { () throws(SourceError) in
                if let patient = group.patient {
                    return try records(patient, Array(group.resources.dropFirst()), organizations: organizations)
                }
                return try records(PersonIdentity(sourceReference: group.reference), institution: institution!,
                                   position: group.resources[0].position, resources: group.resources)
            }
            switch read {
            case .success(let records):
                for record in records { try body(.record(record)) }
            case .failure(let error):
                let lines = group.resources.compactMap(\.position.line)
                try body(.quarantined(QuarantinedRow(firstLine: lines.min() ?? 1, lastLine: lines.max() ?? 1,
                                                     problem: error, rawBytes: Self.bytes(group.resources.map(\.json)))))
            }
        }
    }

    /// A Patient's units: the patient with its events, then one per Encounter.
    private func records(_ patient: FHIRResource, _ resources: [FHIRResource],
                         organizations: [String: FHIRResource]) throws(SourceError) -> [SourceRecord] {
        guard let institution = FHIRMapping.patientNumber(patient)?.institution ?? self.institution else {
            throw patient.error("identifier", "no institution is named: the Patient has no JP Core patient identifier (\(FHIRMapping.patientSystemPrefix) + the 10-digit code) and none was given",
                                fix: "name the institution with --institution CODE, or keep the files under a folder named by its code")
        }
        var identity = try FHIRMapping.identity(patient, coverages: resources.filter { $0.type == "Coverage" },
                                                organizations: organizations)
        identity.sourceReference = patient.id.map { "Patient/\($0)" }
        return try records(identity, institution: institution, position: patient.position, resources: resources)
    }

    /// The units of one person: the person with the events of `resources`, then one per Encounter.
    private func records(_ identity: PersonIdentity, institution: InstitutionCode, position: SourcePosition,
                         resources: [FHIRResource]) throws(SourceError) -> [SourceRecord] {
        var events = [ClinicalEvent]()
        var encounters = [(Encounter, SourcePosition)]()
        var kept = [UnknownRecord]()
        for resource in resources {
            if resource.type == "Encounter" {
                encounters.append((try FHIRMapping.encounter(resource), resource.position))
            } else if let event = try FHIRMapping.event(resource) {
                events.append(event)
            } else if resource.type != "Coverage" {
                // A resource type not mapped (DiagnosticReport, Immunization …): kept whole, encrypted, with the person.
                kept.append(UnknownRecord(recordType: resource.type, text: String(decoding: Self.bytes(resource.json), as: UTF8.self),
                                          position: resource.position))
            }
        }
        func record(_ position: SourcePosition, _ type: String) -> SourceRecord {
            var record = SourceRecord(format: .fhir, position: position, lastLine: nil, sender: .institution(institution),
                                      identity: identity, encounter: nil, events: [], claim: nil, unknownRecords: [])
            record.unitType = type
            return record
        }
        var patientRecord = record(position, identity.isReferenceOnly ? "Patient-reference" : "Patient")
        patientRecord.events = events
        patientRecord.unknownRecords = kept
        return [patientRecord] + encounters.map { encounter, position in
            var visit = record(position, "Encounter")
            visit.encounter = encounter
            return visit
        }
    }

    /// `Patient/12` of an absolute reference (`https://server/fhir/Patient/12`).
    static func relative(_ reference: String) -> String {
        let parts = reference.split(separator: "/")
        return parts.count >= 2 ? parts.suffix(2).joined(separator: "/") : reference
    }

    static func object(_ bytes: ArraySlice<UInt8>) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
    }

    /// Whether the file is one JSON value (so a parse error is the whole file's), not NDJSON.
    static func isSingleObject(_ bytes: [UInt8]) -> Bool {
        let lines = bytes.split(separator: 0x0A).filter { $0.contains { $0 > 0x20 } }
        guard let first = lines.first else { return true }
        return lines.count == 1 || object(first.last == 0x0D ? first.dropLast() : first) == nil
    }

    static func lines(_ bytes: [UInt8]) -> Int { bytes.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 } }

    /// Why bytes are not a JSON object, placed by line (and column when the parser says where).
    static func jsonProblem(_ bytes: ArraySlice<UInt8>, file: String, line: Int) -> SourceError {
        var position = SourcePosition(file: file, line: line)
        var reason = "it is not a JSON object"
        do {
            _ = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            let text = (error as NSError).userInfo["NSDebugDescription"] as? String ?? "\(error)"
            reason = text
            if let range = text.range(of: #"character (\d+)"#, options: .regularExpression),
               let offset = Int(text[range].dropFirst("character ".count)), offset <= bytes.count {
                let before = bytes.prefix(offset)
                position.line = line + before.filter { $0 == 0x0A }.count
                position.field = offset - (before.lastIndex(of: 0x0A).map { $0 - bytes.startIndex + 1 } ?? 0) + 1
                position.byteOffset = offset
            }
        }
        return SourceError(at: position, problem: "the FHIR JSON cannot be read (\(reason))",
                           fix: "ask the sender for valid JSON: one resource or Bundle per file, or one per line (NDJSON)")
    }

    static func bytes(_ json: Any) -> [UInt8] {
        [UInt8]((try? JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])) ?? Data())
    }
}
