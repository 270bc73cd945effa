import Foundation
public import LifecourseFormats

/// Tells the format of a file from its first bytes, not from its name.
public enum FormatDetector {
    /// The format, or nil when no reader knows the file.
    public static func detect(path: String) throws -> SourceFormat? {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        let head = [UInt8](try handle.read(upToCount: 512) ?? Data())
        return detect(head: head)
    }

    /// The format of a file starting with `head`.
    public static func detect(head: [UInt8]) -> SourceFormat? {
        // レセ電 files start with their header record (IR 医科, YK 調剤); a UTF-8 BOM is not expected but tolerated.
        let body = head.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(head.dropFirst(3)) : head
        if body.starts(with: Array("IR,".utf8)) { return .medicalClaims }
        if body.starts(with: Array("YK,".utf8)) { return .pharmacyClaims }
        // The death CSV starts with its documented header (UTF-8, optionally with a byte-order mark).
        if body.starts(with: Array(DeathCertificateCSV.header.prefix(3).joined(separator: ",").utf8)) {
            return .deathCertificates
        }
        if CareFileDecoder.looksLikeCareRecord(firstLine: body.prefix { $0 != 0x0A && $0 != 0x0D }) { return .careRecords }
        return nil
    }
}
