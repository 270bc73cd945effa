import LifecourseTesting
import Testing

@Suite struct LayeringTests {
    @Test func importsOnlyWhatItsLayerAllows() { Layering.expectLayering(of: "LifecourseGovernance") }
}
