/// `LifecourseSynth` owns a synthetic Japanese population whose life courses are written in every source format, with the linkage ground truth, for tests, benchmarks and `lifecourse demo`.
///
/// The target exists from the start so that the layering of the package is visible and checked
/// (it may import only what `Layering.allowed` lists); its contents arrive with their own issue.
public enum LifecourseSynth {}
