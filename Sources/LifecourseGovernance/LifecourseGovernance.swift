/// `LifecourseGovernance` owns the law's conditions around the data: opt-out (停止の求め), consent, data-use applications and the review committee's decisions, provision records, traceability, deletion, and the hash-chained audit log. Receipt records (受領記録) are written by LifecourseIngest into the governance zone of LifecourseStore.
///
/// The target exists from the start so that the layering of the package is visible and checked
/// (it may import only what `Layering.allowed` lists); its contents arrive with their own issue.
public enum LifecourseGovernance {}
