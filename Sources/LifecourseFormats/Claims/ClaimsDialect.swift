public import LifecourseCore

/// Settings every claims record is read with.
public struct ClaimsDialect: Sendable, Hashable {
    /// Claims written just after an era change may keep the old era (平成31年5月); read those by arithmetic.
    public var eraPolicy: EraBoundaryPolicy = .acceptOverrun

    public init(eraPolicy: EraBoundaryPolicy = .acceptOverrun) {
        self.eraPolicy = eraPolicy
    }
}
