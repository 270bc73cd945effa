/// 要介護状態区分: the level of long-term care need a certification (要介護認定) grants, with the codes of the
/// 介護保険 interchange files (01 非該当, 12–13 要支援1–2, 21–25 要介護1–5).
public enum CareLevel: String, Sendable, Hashable, CaseIterable, Codable {
    case notApplicable = "01"
    case support1 = "12"
    case support2 = "13"
    case care1 = "21"
    case care2 = "22"
    case care3 = "23"
    case care4 = "24"
    case care5 = "25"

    /// 非該当, 要支援1 … 要介護5.
    public var japaneseName: String {
        switch self {
        case .notApplicable: "非該当"
        case .support1: "要支援1"
        case .support2: "要支援2"
        case .care1: "要介護1"
        case .care2: "要介護2"
        case .care3: "要介護3"
        case .care4: "要介護4"
        case .care5: "要介護5"
        }
    }

    /// The level in English: not applicable, support level 1–2, care level 1–5.
    public var englishName: String {
        switch self {
        case .notApplicable: "not applicable"
        case .support1: "support level 1"
        case .support2: "support level 2"
        case .care1: "care level 1"
        case .care2: "care level 2"
        case .care3: "care level 3"
        case .care4: "care level 4"
        case .care5: "care level 5"
        }
    }

    /// The monthly limit of in-home service units (区分支給限度基準額, 2019 onward).
    public var monthlyUnitLimit: Int {
        switch self {
        case .notApplicable: 0
        case .support1: 5032
        case .support2: 10531
        case .care1: 16765
        case .care2: 19705
        case .care3: 27048
        case .care4: 30938
        case .care5: 36217
        }
    }
}
