import Foundation
public import LifecourseFormats

/// Tells the format of a file from its first bytes, not from its name.
public enum FormatDetector {
    /// The format, or nil when no reader knows the file.
    public static func detect(path: String) throws -> SourceFormat? {
        detect(head: try head(of: path))
    }

    /// The first bytes of a file, enough to tell what it is.
    public static func head(of path: String) throws -> [UInt8] {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        return [UInt8](try handle.read(upToCount: 512) ?? Data())
    }

    /// The first line of a file's head, without a UTF-8 byte-order mark or line break.
    public static func firstLine(of head: [UInt8]) -> ArraySlice<UInt8> {
        (head.starts(with: [0xEF, 0xBB, 0xBF]) ? head.dropFirst(3) : head[...]).prefix { $0 != 0x0A && $0 != 0x0D }
    }

    /// The format of a file starting with `head`.
    public static func detect(head: [UInt8]) -> SourceFormat? {
        // レセ電 files start with their header record (IR 医科 and 歯科, YK 調剤); IR's 点数表 (its third field) is 3
        // for 歯科. A UTF-8 BOM is not expected but tolerated.
        let body = head.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(head.dropFirst(3)) : head
        if body.starts(with: Array("IR,".utf8)) {
            let fields = firstLine(of: body).split(separator: 0x2C, maxSplits: 4, omittingEmptySubsequences: false)
            return fields.count > 3 && fields[3].elementsEqual("3".utf8) ? .dentalClaims : .medicalClaims
        }
        if body.starts(with: Array("YK,".utf8)) { return .pharmacyClaims }
        // The death CSV starts with its documented header (UTF-8, optionally with a byte-order mark).
        if body.starts(with: Array(DeathCertificateCSV.header.prefix(3).joined(separator: ",").utf8)) {
            return .deathCertificates
        }
        if CareFileDecoder.looksLikeCareRecord(firstLine: firstLine(of: head)) { return .careRecords }
        // 特定健診: a sending archive is a ZIP (its index ix08 is checked when it is read); a single document is CDA.
        if body.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .checkups }
        if body.starts(with: Array("<?xml".utf8)) || body.starts(with: Array("<ClinicalDocument".utf8)),
           body.firstRange(of: Array("<ClinicalDocument".utf8)) != nil {
            return .checkups
        }
        // FHIR JSON: a Bundle, a resource, or NDJSON, all JSON objects (the only JSON Lifecourse reads; keys may be
        // sorted, so resourceType need not come first — the reader refuses an object that is no FHIR resource).
        if body.first(where: { $0 > 0x20 }) == 0x7B { return .fhir }
        // An HL7 v2 message starts with MSH and its field separator (after MLLP's start byte when framed).
        let message = body.first == 0x0B ? Array(body.dropFirst()) : body
        if message.count > 4, message.starts(with: Array("MSH".utf8)), !(message[3] >= 0x30 && message[3] <= 0x39),
           !(message[3] >= 0x41 && message[3] <= 0x5A), message[3] > 0x20, message[3] < 0x7F {
            return .ssmix2
        }
        return nil
    }
}
