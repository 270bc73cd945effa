import Benchmark
import Foundation
import LifecourseSynth

/// One year of the plan's population (1.8 million persons), generated and written in streaming fashion.
/// Reports wall clock, peak resident memory (the limit is 2 GB) and persons per second; a 100,000-person year
/// runs beside it as the baseline the large run is compared with (it should scale linearly).
let benchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.wallClock, .peakMemoryResident, .custom("persons/s", polarity: .prefersLarger,
                                                                                 useScalingFactor: false)]
    for persons in [100_000, 1_800_000] {
        Benchmark("synth one year, \(persons) persons",
                  configuration: .init(metrics: metrics, timeUnits: .seconds, warmupIterations: 0,
                                       maxDuration: .seconds(3600), maxIterations: 1)) { benchmark in
            let output = FileManager.default.temporaryDirectory
                .appendingPathComponent("lifecourse-synth-benchmark-\(persons)")
            defer { try? FileManager.default.removeItem(at: output) }
            let config = SynthConfig(persons: persons, seed: 1, firstYear: 2024, lastYear: 2024)
            let start = Date()
            benchmark.startMeasurement()
            let summary = try SynthGenerator(config: config).run(to: output)
            benchmark.stopMeasurement()
            blackHole(summary)
            benchmark.measurement(.custom("persons/s", polarity: .prefersLarger, useScalingFactor: false),
                                  Int(Double(persons) / Date().timeIntervalSince(start)))
        }
    }
}
