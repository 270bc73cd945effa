/// `LifecourseServer` owns the web server: the JSON API, the HTML pages (Japanese first), authentication and roles. It is the only target besides the executable that knows about ports and HTTP.
///
/// The target exists from the start so that the layering of the package is visible and checked
/// (it may import only what `Layering.allowed` lists); its contents arrive with their own issue.
public enum LifecourseServer {}
