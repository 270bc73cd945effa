import LifecourseCore

/// What to generate: how many persons, from which seed, over which years, with how much identity noise.
public struct SynthConfig: Sendable, Hashable, Codable {
    public var persons: Int
    public var seed: UInt64
    public var firstYear: Int
    public var lastYear: Int
    /// The prefectures persons live in (JIS codes); all 47 when empty.
    public var prefectures: [Int]
    public var noise: IdentityNoise
    /// The kinds of files to write; the population and its claims are simulated the same whatever is left out,
    /// so the files written are byte-identical to those of a run that writes everything.
    public var outputs: Set<SynthOutput>

    public init(persons: Int, seed: UInt64, firstYear: Int, lastYear: Int, prefectures: [Int] = [],
                noise: IdentityNoise = IdentityNoise(), outputs: Set<SynthOutput> = Set(SynthOutput.allCases)) {
        self.outputs = outputs
        self.persons = persons
        self.seed = seed
        self.firstYear = firstYear
        self.lastYear = lastYear
        self.prefectures = prefectures
        self.noise = noise
    }

    private enum CodingKeys: String, CodingKey {
        case persons, seed, firstYear, lastYear, prefectures, noise, outputs
    }

    /// Encodes the outputs in a fixed order (a set's order changes from process to process), so that the same
    /// configuration always writes the same manifest.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(persons, forKey: .persons)
        try container.encode(seed, forKey: .seed)
        try container.encode(firstYear, forKey: .firstYear)
        try container.encode(lastYear, forKey: .lastYear)
        try container.encode(prefectures, forKey: .prefectures)
        try container.encode(noise, forKey: .noise)
        try container.encode(outputs.map(\.rawValue).sorted(), forKey: .outputs)
    }

    /// Prefectures weighted by population, restricted to ``prefectures``.
    var prefectureTable: WeightedTable<Int> {
        guard !prefectures.isEmpty else { return Geography.prefectureTable }
        return WeightedTable(prefectures.sorted().map { ($0, Double(Geography.prefecturePopulation[$0 - 1])) })
    }

    /// The months simulated, first to last.
    var months: [YearMonth] {
        (firstYear...lastYear).flatMap { year in (1...12).map { try! YearMonth(year: year, month: $0) } }
    }
}

/// The kinds of files the generator writes (the ground truth is always written).
public enum SynthOutput: String, Sendable, Hashable, Codable, CaseIterable {
    /// 医科 and 調剤 claims.
    case claims
    case ssmix2
    case fhir
    /// 特定健診 archives.
    case checkups
    /// 要介護認定 and 介護給付費 records.
    case care
    /// Death certificates.
    case deaths
}

/// How often sources write a person's identity differently from the truth, as happens in real files.
/// Rates are per institution (a system's habit) or per institution and person (what a registry holds).
public struct IdentityNoise: Sendable, Hashable, Codable {
    /// Institutions whose systems write claims dates in the Japanese era (GYYMMDD).
    public var eraDateInstitutions = 0.10
    /// Institutions that write the kana name in half-width katakana.
    public var halfWidthKanaInstitutions = 0.05
    /// Institutions that write small kana large (キョウコ → キヨウコ), as older systems do.
    public var largeSmallKanaInstitutions = 0.08
    /// Institutions that write long vowels out (ユーコ → ユウコ is the norm; this writes ー as its vowel).
    public var longVowelInstitutions = 0.05
    /// Institutions that put no space between surname and given name.
    public var noSpaceInstitutions = 0.15
    /// Institutions whose systems cannot write variant kanji (髙 → 高).
    public var commonKanjiInstitutions = 0.30
    /// Institutions that write card symbols and numbers in full-width digits.
    public var fullWidthCardInstitutions = 0.40
    /// Institutions that leave out the SN record (枝番) even after October 2021.
    public var missingBranchInstitutions = 0.03
    /// Registrations with a kana typo (one kana replaced).
    public var kanaTypo = 0.005
    /// Registrations with a wrong birth day (off by one, or day and month swapped).
    public var wrongBirthDay = 0.003

    public init() {}
}
