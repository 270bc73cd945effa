/// `LifecourseAnonymization` owns anonymized datasets (匿名加工医療情報) and pseudonymized datasets (仮名加工医療情報) for approved applications: generalization hierarchies, privacy models (k-anonymity, l-diversity, t-closeness), the optimal lattice search, risk and utility measures, and release building.
///
/// The target exists from the start so that the layering of the package is visible and checked
/// (it may import only what `Layering.allowed` lists); its contents arrive with their own issue.
public enum LifecourseAnonymization {}
