import ArgumentParser
import LifecourseSynth

/// The options that describe a synthetic population (`synth`, `demo`).
struct PopulationOptions: ParsableArguments {
    @Option(help: "How many persons at the start.")
    var persons: Int = 2000

    @Option(help: "The random seed; the same options give byte-identical files.")
    var seed: UInt64 = 42

    @Option(help: ArgumentHelp("The years to simulate, e.g. 2015-2024.", valueName: "first-last"))
    var years: String = "2023-2024"

    @Option(help: ArgumentHelp("Prefectures to live in, as JIS codes separated by commas (13 東京都); all 47 when not given.",
                               valueName: "codes"))
    var prefectures: String?

    @Option(help: ArgumentHelp("The kinds of files to write, separated by commas: "
                               + SynthOutput.allCases.map(\.rawValue).joined(separator: ", ") + "; all when not given.",
                               valueName: "kinds"))
    var formats: String?

    func validate() throws {
        _ = try config()
    }

    /// The generator's configuration.
    func config() throws -> SynthConfig {
        guard persons > 0 else { throw ValidationError("--persons must be at least 1") }
        let parts = years.split(separator: "-").compactMap { Int($0) }
        let range = parts.count == 1 ? (parts[0], parts[0]) : parts.count == 2 ? (parts[0], parts[1]) : (0, -1)
        guard range.0 >= 1900, range.1 <= 2100, range.0 <= range.1 else {
            throw ValidationError("--years must be a year or a range such as 2015-2024, not '\(years)'")
        }
        var codes = [Int]()
        if let prefectures {
            let parsed = prefectures.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !parsed.isEmpty, parsed.allSatisfy({ $0.map { (1...47).contains($0) } ?? false }) else {
                throw ValidationError("--prefectures must list JIS codes 1–47 separated by commas, e.g. 13,14; "
                                      + "not '\(prefectures)'")
            }
            codes = parsed.compactMap { $0 }
        }
        var outputs = Set(SynthOutput.allCases)
        if let formats {
            let parsed = formats.split(separator: ",").map { SynthOutput(rawValue: $0.trimmingCharacters(in: .whitespaces)) }
            guard !parsed.isEmpty, parsed.allSatisfy({ $0 != nil }) else {
                throw ValidationError("--formats must list kinds from "
                                      + SynthOutput.allCases.map(\.rawValue).joined(separator: ", ")
                                      + " separated by commas, e.g. claims,deaths; not '\(formats)'")
            }
            outputs = Set(parsed.compactMap { $0 })
        }
        return SynthConfig(persons: persons, seed: seed, firstYear: range.0, lastYear: range.1, prefectures: codes,
                           outputs: outputs)
    }
}
