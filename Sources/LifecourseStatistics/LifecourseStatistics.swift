/// `LifecourseStatistics` owns statistical tables (統計情報): table specifications, aggregation pushed down to SQL, primary and secondary cell suppression, rounding, and differential privacy with a budget ledger.
///
/// The target exists from the start so that the layering of the package is visible and checked
/// (it may import only what `Layering.allowed` lists); its contents arrive with their own issue.
public enum LifecourseStatistics {}
