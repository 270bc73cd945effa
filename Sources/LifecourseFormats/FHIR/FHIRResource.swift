import Foundation
import LifecourseCore

/// One FHIR resource as parsed JSON, with typed access that names the element of a wrong value.
struct FHIRResource {
    let json: [String: Any]
    /// Where the resource is: the file and the NDJSON line or the Bundle entry (as the line).
    let position: SourcePosition
    /// The Bundle entry's fullUrl, when it has one.
    let fullURL: String?

    var type: String { json["resourceType"] as? String ?? "" }
    var id: String? { json["id"] as? String }

    /// What other resources may call this one: `Type/id`, and the entry's fullUrl.
    var names: [String] {
        var names = [String]()
        if let id { names.append("\(type)/\(id)") }
        if let fullURL { names.append(fullURL) }
        return names
    }

    func error(_ element: String, _ problem: String, fix: String) -> SourceError {
        SourceError(at: position, problem: "\(type)\(id.map { "/\($0)" } ?? "").\(element): \(problem)", fix: fix)
    }

    /// The object at a dotted path (`code`, `dispenseRequest.expectedSupplyDuration`); arrays take their first item.
    func object(_ path: String) -> [String: Any]? {
        var current: Any? = json
        for key in path.split(separator: ".") {
            if let array = current as? [Any] { current = array.first }
            current = (current as? [String: Any])?[String(key)]
        }
        if let array = current as? [Any] { current = array.first }
        return current as? [String: Any]
    }

    /// The array at a key (an absent key is empty).
    func array(_ key: String) -> [[String: Any]] { (json[key] as? [Any] ?? []).compactMap { $0 as? [String: Any] } }

    func string(_ key: String) -> String? { json[key] as? String }

    /// The referenced resource's name (`Patient/12`, `urn:uuid:…`) of `subject` or `patient`.
    var subjectReference: String? {
        (object("subject")?["reference"] ?? object("patient")?["reference"] ?? object("beneficiary")?["reference"])
            as? String
    }

    /// A FHIR date or dateTime's day (`2024-05-10`, `2024-05-10T09:00:00+09:00`); a year or year-month alone, nil.
    func day(_ key: String, in object: [String: Any]? = nil) throws(SourceError) -> CalendarDate? {
        guard let text = (object ?? json)[key] as? String else { return nil }
        guard text.utf8.count >= 10 else { return nil }
        do {
            return try CalendarDate(iso: String(text.prefix(10)))
        } catch {
            throw self.error(key, "'\(text)' is not a date: \(error)", fix: "send dates as FHIR writes them (YYYY-MM-DD)")
        }
    }

    /// The first of these dates that is given (each a key, in the resource or in an element of it).
    func firstDay(_ candidates: [(key: String, in: [String: Any]?)]) throws(SourceError) -> CalendarDate? {
        for candidate in candidates {
            if let day = try day(candidate.key, in: candidate.in) { return day }
        }
        return nil
    }

    /// The first coding of a CodeableConcept at `key` whose system is one of `systems` (in their order), else the
    /// first coding; with the concept's text.
    func coding(_ key: String, preferring systems: [String]) -> (system: String?, code: String, display: String?)? {
        guard let concept = object(key) else { return nil }
        let codings = (concept["coding"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }
        let chosen = systems.lazy.compactMap { system in codings.first { $0["system"] as? String == system } }.first
            ?? codings.first
        let text = concept["text"] as? String
        guard let chosen, let code = chosen["code"] as? String else {
            return text.map { (nil, "", $0) }
        }
        return (chosen["system"] as? String, code, chosen["display"] as? String ?? text)
    }

    /// The code of the coding of a CodeableConcept at `key` in `system`.
    func code(_ key: String, system: String) -> String? {
        guard let concept = object(key) else { return nil }
        let codings = (concept["coding"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }
        return codings.first { $0["system"] as? String == system }?["code"] as? String
    }

    /// A JSON number (or a string that reads as one) as a Double; nil for anything else.
    static func number(_ value: Any?) -> Double? {
        // JSON true and false are not numbers (Foundation may hand them over as NSNumber, which casts to anything).
        guard let value, Swift.type(of: value) != Bool.self else { return nil }
        if let text = value as? String { return Double(text) }
        if let number = value as? NSNumber, String(cString: number.objCType) != "c" { return number.doubleValue }
        return value as? Double
    }
}
