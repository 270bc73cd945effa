public import Foundation

/// Real sample files kept in `Tests/Fixtures/`, each with its licence (see `Tests/Fixtures/README.md`).
public enum Fixtures {
    /// `Tests/Fixtures`, found from this source file so that tests run from any working directory.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // LifecourseTesting
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("Tests/Fixtures")

    /// 医科 outpatient claims, 75 RE records, CP932 with CRLF (yokenzan/receiptisan, MIT).
    public static var outpatientClaims: URL { root.appendingPathComponent("uke/RECEIPTC_GAIRAI_SAMPLE.UKE") }

    /// 支払基金 masters: samples of b, s, y, t, z and the full z, t and c masters (yokenzan/receiptisan, MIT).
    public static var masters: URL { root.appendingPathComponent("masters") }

    /// One master file, e.g. `b_ALL00000000.csv`.
    public static func master(_ name: String) -> URL { masters.appendingPathComponent(name) }

    /// The SS-MIX2 standardized storage tree (nhoHQ/SSMIX2DataTestingTool, Apache-2.0).
    public static var ssmix2Root: URL { root.appendingPathComponent("ssmix2/sampleData") }

    /// The Adult census extract (30,162 rows, `;`-separated) and its hierarchies `adult_hierarchy_<attribute>.csv`
    /// (arx-deidentifier/arx, Apache-2.0).
    public static var adult: URL { root.appendingPathComponent("adult") }

    /// The bytes of a fixture file.
    public static func bytes(_ url: URL) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url))
    }

    /// Every regular file under `directory`, sorted by path.
    public static func files(under directory: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey])
        var found = [URL]()
        while let url = enumerator?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                found.append(url)
            }
        }
        return found.sorted { $0.path < $1.path }
    }
}
