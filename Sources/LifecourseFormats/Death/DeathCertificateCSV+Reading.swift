import Foundation
public import LifecourseCore

extension DeathCertificateCSV {
    /// The labels of the cause lines, in column order.
    static let causeLines = ["I-ア", "I-イ", "I-ウ", "I-エ", "II"]

    /// Checks that the first record is the documented header.
    /// - Throws: ``SourceError`` naming the first column that differs.
    public static func checkHeader(_ record: CSVRecord, file: String) throws(SourceError) {
        let position = SourcePosition(file: file, line: record.line, byteOffset: record.byteOffset)
        for (index, expected) in header.enumerated() where index >= record.fields.count || record.fields[index] != expected {
            let found = index < record.fields.count ? "'\(record.fields[index])'" : "nothing"
            throw SourceError(at: position.field(index + 1), problem: """
                the header has \(found) where the death CSV has '\(expected)' (\(header.count) columns: \
                \(header.prefix(3).joined(separator: ",")),…)
                """, fix: "write the header and the columns in the documented order (README, formats: death certificates)")
        }
        if record.fields.count > header.count {
            throw SourceError(at: position.field(header.count + 1),
                              problem: "the header has \(record.fields.count) columns; the death CSV has \(header.count)",
                              fix: "remove the extra columns")
        }
    }

    /// Reads one certificate.
    /// - Throws: ``SourceError`` naming the line and column of the first value that cannot be read.
    public static func certificate(from record: CSVRecord, file: String) throws(SourceError) -> DeathCertificate {
        let position = SourcePosition(file: file, line: record.line, byteOffset: record.byteOffset)
        if let problem = record.problem {
            throw SourceError(at: position.field(problem.field), problem: problem.description,
                              fix: "correct the row in the sending system and send it again")
        }
        guard record.fields.count == header.count else {
            throw SourceError(at: position, problem: "the row has \(record.fields.count) columns; the header has \(header.count)",
                              fix: "quote fields that contain commas, and send every column even when empty")
        }
        let row = CSVRow(fields: record.fields, position: position, names: header)
        let birthDate = try row.date(5, iso: true)
        let deathDate = try row.date(6, iso: true)
        guard birthDate <= deathDate else {
            throw row.error(6, "the death date \(deathDate) is before the birth date \(birthDate)")
        }
        var causes = [DeathCertificate.Cause]()
        for index in 0..<4 {
            guard let cause = try row.cause(at: 11 + index * 3) else { break }
            causes.append(cause)
        }
        for index in causes.count..<4 where !row.isEmpty(11 + index * 3, count: 3) {
            throw row.error(11 + index * 3, "\(causeLines[index]) is filled while \(causeLines[causes.count]) is empty",
                            fix: "write part I's causes from (ア) downwards without gaps")
        }
        guard !causes.isEmpty else {
            throw row.error(12, "I(ア), the direct cause, is empty", fix: "every certificate states at least I(ア)")
        }
        return DeathCertificate(
            municipality: try row.value(0) { text throws(ValueError) in try MunicipalityCode(text) },
            acceptanceNumber: try row.required(1), name: try row.required(2), kanaName: row.fields[3],
            sex: try row.value(4) { text throws(ValueError) in try Sex(claimsCode: text) },
            birthDate: birthDate, deathDate: deathDate, deathTime: try row.time(7),
            place: try row.enumeration(8, DeathCertificate.Place.self, "1 病院 … 7 その他", parse: { Int($0) }),
            placeInstitution: try row.institution(9), address: row.fields[10], causes: causes,
            contributing: try row.cause(at: 23),
            kind: try row.enumeration(26, DeathCertificate.Kind.self, "1 病死及び自然死 … 10 不詳", parse: { Int($0) }),
            certifyingInstitution: try row.institution(27))
    }
}

extension CSVRow {
    /// 死亡時刻: `HH:MM`, or empty when unknown.
    func time(_ index: Int) throws(SourceError) -> String {
        let text = trimmed(index)
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard text.isEmpty || (parts.count == 2 && parts.allSatisfy { $0.count == 2 }
                               && Int(parts[0]).map({ (0...23).contains($0) }) == true
                               && Int(parts[1]).map({ (0...59).contains($0) }) == true) else {
            throw error(index, "'\(text)' is not a time; expected HH:MM from 00:00 to 23:59, or empty when unknown")
        }
        return text
    }

    /// A cause from its three columns (name, ICD-10, interval); nil when all three are empty.
    func cause(at start: Int) throws(SourceError) -> DeathCertificate.Cause? {
        guard !isEmpty(start, count: 3) else { return nil }
        let code = trimmed(start + 1)
        guard ICD10.isCode(code) else {
            throw error(start + 1, "'\(code)' is not an ICD-10 code; expected a letter and two digits with up to "
                        + "two more characters (I21, I219, I21.9)", fix: "code the cause with ICD-10 (2013 version)")
        }
        return DeathCertificate.Cause(name: fields[start], icd10: code, duration: fields[start + 2])
    }
}
