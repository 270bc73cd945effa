/// One cause line of a death certificate as the research store keeps it.
public struct DeathCause: Sendable, Hashable, Codable {
    /// `I-ア`, `I-イ`, `I-ウ`, `I-エ` or `II`.
    public var line: String
    public var icd10: String
    public var name: String?
    /// 発病から死亡までの期間, as written.
    public var interval: String?

    public init(line: String, icd10: String, name: String?, interval: String?) {
        self.line = line
        self.icd10 = icd10
        self.name = name
        self.interval = interval
    }
}
