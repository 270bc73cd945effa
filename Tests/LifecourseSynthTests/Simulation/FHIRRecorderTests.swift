import Foundation
import LifecourseFormats
import LifecourseTesting
import Testing
@testable import LifecourseSynth

@Suite struct FHIRRecorderTests {
    @Test func writesJSONBundlesWithJPCoreProfiles() throws {
        let output = try TemporaryDirectory()
        defer { output.remove() }
        let config = SynthConfig(persons: 1500, seed: 31, firstYear: 2024, lastYear: 2024, prefectures: [13])
        let summary = try SynthGenerator(config: config).run(to: output.url)
        let files = Fixtures.files(under: output.url.appendingPathComponent("fhir"))
        #expect(files.count == summary.fhirFiles)
        #expect(files.count > 20)
        var types = Set<String>()
        for file in files {
            let object = try JSONSerialization.jsonObject(with: try Data(contentsOf: file))
            let bundle = try #require(object as? [String: Any], "\(file.lastPathComponent)")
            #expect(bundle["resourceType"] as? String == "Bundle")
            #expect(bundle["type"] as? String == "collection")
            let entries = try #require(bundle["entry"] as? [[String: Any]])
            for entry in entries {
                let resource = try #require(entry["resource"] as? [String: Any])
                let type = try #require(resource["resourceType"] as? String)
                types.insert(type)
                let profiles = (resource["meta"] as? [String: Any])?["profile"] as? [String]
                #expect(profiles?.first?.hasPrefix(JPCore.profileBase + "JP_") == true, "\(type) in \(file.lastPathComponent)")
                if type == "Patient" {
                    let identifier = (resource["identifier"] as? [[String: Any]])?.first
                    #expect((identifier?["system"] as? String)?.hasPrefix("urn:oid:1.2.392.100495.20.3.51.1") == true)
                    #expect(identifier?["value"] as? String == file.deletingPathExtension().lastPathComponent)
                }
            }
        }
        #expect(types.isSuperset(of: ["Patient", "Coverage", "Organization", "Encounter", "Condition", "MedicationRequest"]))
    }
}
