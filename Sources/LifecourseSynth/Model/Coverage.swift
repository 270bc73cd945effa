import LifecourseCore

/// A person's health insurance at a time: the card and whose card it is.
struct Coverage: Sendable, Hashable {
    var kind: InsuranceKind
    var insurerNumber: String
    /// 記号 as the insurer prints it (may be empty, e.g. 後期高齢者医療).
    var symbol: String
    var number: String
    /// 枝番: 0 for the insured person (本人), 1… for dependants (家族) in order.
    var branch: Int

    var isDependant: Bool { branch > 0 }
}
