public import LifecourseCore

/// Reads one SS-MIX2 message file as one unit: decoded from ISO-2022-JP, split into segments, mapped by
/// ``SSMIX2Record``. A message that cannot be read (broken encoding, cut short, a wrong value) is quarantined
/// whole with the first problem; the files around it are unaffected.
public struct SSMIX2FileReader: SourceUnitReader {
    /// A message file larger than this is refused rather than read into memory (SS-MIX2 messages are kilobytes).
    public static let maximumBytes = 32 << 20

    public let path: String
    /// The hospital that sent the storage; nil to take MSH-4 when it is a 10-digit institution code.
    public let institution: InstitutionCode?
    /// The file's place in a storage tree, when it has one.
    public let storage: SSMIX2File?

    public init(path: String, institution: InstitutionCode?, storage: SSMIX2File?) {
        self.path = path
        self.institution = institution
        self.storage = storage
    }

    @discardableResult
    public func forEachEvent(progress: (Int) -> Void, _ body: (SourceUnitEvent) throws -> Void) throws -> Int {
        let bytes = try ChunkedFile(path: path).bytes(
            limit: Self.maximumBytes, unit: "an SS-MIX2 message (one file of kilobytes), not an archive or a concatenation")
        progress(bytes.count)
        var decoder = HL7MessageDecoder(fileName: path)
        let record: SourceRecord
        var warnings = [SourceError]()
        do throws(SourceError) {
            try decoder.decode(bytes)
            let segments = try decoder.finish()
            let institution = if let given = self.institution { given } else {
                try Self.sendingInstitution(segments, path: path)
            }
            record = try SSMIX2Record.make(
                segments, text: segments.map(\.text).joined(separator: "\r"),
                origin: SSMIX2Record.Origin(path: path, institution: institution, storage: storage))
            warnings = Self.warnings(segments, path: path, storage: storage)
        } catch {
            // The institution is a property of the whole storage, not of one message: without it nothing can be stored.
            if error.problem.hasPrefix(Self.noInstitution) { throw error }
            try body(.quarantined(QuarantinedRow(lastLine: decoder.segments.count, problem: error, rawBytes: bytes)))
            return decoder.segments.count
        }
        for warning in warnings { try body(.warning(warning)) }
        try body(.record(record))
        return record.lastLine ?? 1
    }

    /// What is odd about a message that can be read: PID-3 naming another patient than the storage folder, a
    /// character set other than ISO IR87 (JIS X 0208) declared in MSH-18.
    static func warnings(_ segments: [HL7ParsedSegment], path: String, storage: SSMIX2File?) -> [SourceError] {
        var warnings = [SourceError]()
        if let msh = segments.first(where: { $0.name == "MSH" }) {
            let declared = msh.repetitions(18).map { $0.first ?? "" }.filter { !$0.isEmpty }
            if !declared.isEmpty, !declared.contains("ISO IR87") {
                warnings.append(SourceError(
                    at: msh.position.field(18),
                    problem: "MSH-18 declares the character set '\(declared.joined(separator: "~"))', not ISO IR87 (JIS X 0208); read as ISO-2022-JP",
                    fix: "have the sending system declare ~ISO IR87 as SS-MIX2 requires"))
            }
        }
        if let storage, let pid = segments.first(where: { $0.name == "PID" }), let id = pid.value(3), id != storage.patientID {
            warnings.append(SourceError(
                at: pid.position.field(3),
                problem: "PID-3 names patient \(id) but the file sits in the folder of patient \(storage.patientID); the folder's ID was used",
                fix: "check the sending system's storage writer"))
        }
        return warnings
    }

    static let noInstitution = "the message does not name a hospital by its 10-digit code"

    /// MSH-4 (sending facility) when it is a 10-digit institution code.
    static func sendingInstitution(_ segments: [HL7ParsedSegment], path: String) throws(SourceError) -> InstitutionCode {
        let facility = segments.first { $0.name == "MSH" }?.value(4) ?? ""
        guard let code = try? InstitutionCode(facility) else {
            throw SourceError(at: SourcePosition(file: path, line: 1, field: 4),
                              problem: "\(noInstitution) (MSH-4 is '\(facility)'), and none was given",
                              fix: "name the hospital with --institution CODE (都道府県 2 + 点数表 1 + 医療機関コード 7), or keep its storage under a folder named by that code")
        }
        return code
    }
}
