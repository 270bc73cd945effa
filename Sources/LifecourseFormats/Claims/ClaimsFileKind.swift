/// The kind of a claims file, told by its first record: IR opens 医科 files, YK opens 調剤 (pharmacy) files.
/// Records with the same id (RE, HO, IY, CO) have different layouts in each kind.
public enum ClaimsFileKind: String, Sendable, Hashable, Codable {
    /// 医科: clinics and hospitals (RECEIPTC.UKE).
    case medical
    /// 調剤: pharmacies (RECEIPTY.UKE).
    case pharmacy

    /// The kind a header record opens, or nil for any other record.
    public init?(headerRecord type: String) {
        switch type {
        case "IR": self = .medical
        case "YK": self = .pharmacy
        default: return nil
        }
    }

    /// The record types that belong to a claim (between RE and the next RE or GO).
    var claimRecordTypes: Set<String> {
        switch self {
        case .medical: ["HO", "KO", "SN", "JD", "MF", "SY", "SI", "IY", "TO", "CO", "GR", "SJ", "TI", "TR", "TS"]
        case .pharmacy: ["HO", "KO", "SN", "JD", "MF", "SH", "CZ", "IY", "TO", "CO", "TK", "KI", "ST"]
        }
    }
}
