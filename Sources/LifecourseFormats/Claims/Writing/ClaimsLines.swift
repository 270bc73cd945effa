import LifecourseCore

/// The records of a claims file being written, and their encoding: CP932, fields joined by commas without
/// quoting, CRLF after every record. Keeps the GO record's totals: 総件数 counts the HO and KO records,
/// 総合計点数 adds each claim's points once.
struct ClaimsLines: Sendable {
    private let encoder = CP932Encoder()
    private var records: [[String]] = []
    private var payerParts = 0
    private var totalPoints = 0

    mutating func append(_ record: [String]) {
        records.append(record)
    }

    /// Appends an HO or KO record, which GO counts.
    mutating func appendPayerPart(_ record: [String]) {
        records.append(record)
        payerParts += 1
    }

    mutating func addClaimPoints(_ points: Int) {
        totalPoints += points
    }

    /// A record of `fields` empty fields after its id.
    static func empty(_ id: String, fields: Int) -> [String] {
        var record = [String](repeating: "", count: fields + 1)
        record[0] = id
        return record
    }

    /// A quantity as claims write it: an integer without a decimal point, a fraction with one.
    static func quantity(_ value: Double) -> String { value.plainText }

    /// Appends the GO record and returns the bytes of every record, leaving an empty buffer for the next file.
    mutating func finish() throws(TextEncodingError) -> [UInt8] {
        records.append(["GO", String(payerParts), String(totalPoints), "99"])
        var bytes = [UInt8]()
        for record in records {
            try encoder.encode(record.joined(separator: ","), into: &bytes)
            bytes.append(0x0D)
            bytes.append(0x0A)
        }
        self = ClaimsLines()
        return bytes
    }
}
