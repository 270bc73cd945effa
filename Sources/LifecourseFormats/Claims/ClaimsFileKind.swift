/// The kind of a claims file, told by its first record: IR opens 医科 and 歯科 files (its 点数表 field says
/// which: 1 医科, 3 歯科), YK opens 調剤 (pharmacy) files. DPC claims are 医科 claims with DPC records (BU …).
/// Records with the same id (RE, HO, IY, CO) have different layouts in each kind.
public enum ClaimsFileKind: String, Sendable, Hashable, Codable {
    /// 医科: clinics and hospitals (RECEIPTC.UKE), DPC hospitals included.
    case medical
    /// 歯科: dental clinics and hospital dental departments (RECEIPTC.UKE with 点数表 3).
    case dental
    /// 調剤: pharmacies (RECEIPTY.UKE).
    case pharmacy

    /// The kind a header record opens, or nil for any other record. `schedule` is the IR record's 点数表.
    public init?(headerRecord type: String, schedule: String = "1") {
        switch type {
        case "IR": self = schedule == "3" ? .dental : .medical
        case "YK": self = .pharmacy
        default: return nil
        }
    }

    /// The record types that belong to a claim (between RE and the next RE or GO).
    var claimRecordTypes: Set<String> {
        switch self {
        case .medical:
            ["HO", "KO", "SN", "JD", "MF", "SY", "SI", "IY", "TO", "CO", "GR", "SJ", "TI", "TR", "TS",
             "BU", "SB", "KK", "SK", "GA", "HH", "GT", "CD"]
        case .dental: ["HO", "KO", "SN", "JD", "MF", "HS", "SS", "SI", "IY", "TO", "CO", "SJ"]
        case .pharmacy: ["HO", "KO", "SN", "JD", "MF", "SH", "CZ", "IY", "TO", "CO", "TK", "KI", "ST"]
        }
    }
}
