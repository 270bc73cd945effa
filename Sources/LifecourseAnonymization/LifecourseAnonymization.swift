/// `LifecourseAnonymization` owns anonymized datasets (匿名加工医療情報) and pseudonymized datasets (仮名加工医療情報) for
/// approved applications: generalization hierarchies (``Hierarchy``), privacy models (``PrivacyModel``: k-anonymity,
/// l-diversity, t-closeness), the optimal lattice search (``Anonymizer``), utility measures (``UtilityMetric``), and —
/// with their issue — risk measures and release building.
public enum LifecourseAnonymization {}
