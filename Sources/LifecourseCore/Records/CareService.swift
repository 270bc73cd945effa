/// One kind of long-term care service in a month's care claim (介護給付費明細書): サービス種類コード (2 digits:
/// 11 訪問介護, 13 訪問看護, 15 通所介護, 17 福祉用具貸与, 43 居宅介護支援, 51 介護福祉施設サービス …), the units
/// (単位数) billed and the days the service was given.
public struct CareService: Sendable, Hashable, Codable {
    public var kind: String
    public var units: Int
    public var days: Int

    public init(kind: String, units: Int, days: Int) {
        self.kind = kind
        self.units = units
        self.days = days
    }
}
