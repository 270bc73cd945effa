/// The fee schedule (点数表) an institution bills under; the third digit of a 10-digit institution code.
public enum FeeSchedule: Int, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// 医科: clinics and hospitals.
    case medical = 1
    /// 歯科: dental clinics.
    case dental = 3
    /// 調剤: pharmacies.
    case pharmacy = 4
    /// 訪問看護: home-visit nursing stations.
    case homeNursing = 6

    public var name: String {
        switch self {
        case .medical: "医科"
        case .dental: "歯科"
        case .pharmacy: "調剤"
        case .homeNursing: "訪問看護"
        }
    }

    public var description: String { name }
}
