import Foundation
import LifecourseCore
import Testing
@testable import LifecourseLinkage

@Suite struct ConstrainedClusteringTests {
    typealias Link = ConstrainedClustering.Link

    static func probable(_ a: Int64, _ b: Int64, _ p: Double) -> Link {
        Link(a, b, tier: .probabilistic, probability: p, source: "probabilistic")
    }

    static func partition(_ result: ConstrainedClustering.Result) -> Set<Set<Int64>> {
        Set(Dictionary(grouping: result.cluster.keys, by: { result.cluster[$0]! }).values.map(Set.init))
    }

    @Test func joinsLinkedIdentitiesAndNamesEachClusterByItsSmallestIdentity() {
        let files: [Int64: Data?] = [1: nil, 2: nil, 3: nil, 4: nil]
        let result = ConstrainedClustering(
            identities: files, links: [Link(2, 1, tier: .deterministic, source: "deterministic:card-branch"),
                                       Self.probable(3, 2, 0.999)], cannotLinks: []).run()
        #expect(result.cluster == [1: 1, 2: 1, 3: 1, 4: 4])
        #expect(result.joined.count == 2)
    }

    /// The same links in any order give the same clusters: what makes a component clustered again (incrementally)
    /// equal to a full run.
    @Test func givesTheSameClustersWhateverOrderTheLinksComeIn() {
        var generator = SplitMix64(seed: 7)
        var files = [Int64: Data?]()
        for id in Int64(1)...40 { files[id] = Data([UInt8(id % 6)]) }
        var links = [Link]()
        for _ in 0..<60 {
            let a = Int64(generator.next() % 40) + 1, b = Int64(generator.next() % 40) + 1
            guard a != b else { continue }
            links.append(Self.probable(a, b, 0.9 + Double(generator.next() % 100) / 1000))
        }
        links.append(Link(5, 6, tier: .decision, order: 2, source: "decision:merge"))
        let cannot: [(Int64, Int64)] = [(1, 2), (7, 8), (9, 30)]
        let expected = Self.partition(ConstrainedClustering(identities: files, links: links, cannotLinks: cannot).run())
        for _ in 0..<20 {
            links.shuffle(using: &generator)
            let again = ConstrainedClustering(identities: files, links: links, cannotLinks: cannot.shuffled(using: &generator))
            #expect(Self.partition(again.run()) == expected)
        }
    }

    @Test func keepsApartWhatAPersonSaidIsNotOnePerson() {
        let files: [Int64: Data?] = [1: nil, 2: nil, 3: nil]
        let links = [Self.probable(1, 2, 0.999), Self.probable(2, 3, 0.998), Link(1, 3, tier: .deterministic, source: "d")]
        let result = ConstrainedClustering(identities: files, links: links, cannotLinks: [(1, 3)]).run()
        #expect(Self.partition(result) == [[1, 2], [3]], "1–2 first (deterministic 1–3 is blocked, then 2–3 would join 1 and 3)")
    }

    @Test func decisionsComeFirstAndAreNotBlocked() {
        let files: [Int64: Data?] = [1: Data([1]), 2: Data([1]), 3: nil]
        let links = [Link(1, 2, tier: .decision, order: 1, source: "decision:accept"), Self.probable(2, 3, 0.999)]
        let result = ConstrainedClustering(identities: files, links: links, cannotLinks: [(1, 3)]).run()
        #expect(Self.partition(result) == [[1, 2], [3]])
        #expect(result.joined.map(\.source) == ["decision:accept"])
    }

    /// A file lists each person once: two of its identities join only by an exact key, never by a score.
    @Test func refusesAProbableLinkBetweenTwoIdentitiesOfOneFile() {
        let fileA = Data([0xA]), fileB = Data([0xB])
        let files: [Int64: Data?] = [1: fileA, 2: fileA, 3: fileB, 4: fileA, 5: fileA]
        let links = [Self.probable(1, 3, 0.999), Self.probable(2, 3, 0.995),
                     Link(4, 5, tier: .deterministic, source: "deterministic:card-branch")]
        let result = ConstrainedClustering(identities: files, links: links, cannotLinks: []).run()
        #expect(Self.partition(result) == [[1, 3], [2], [4, 5]])
        #expect(result.refusedOneToOne.map { [$0.a, $0.b] } == [[2, 3]], "the weaker link is the one refused, for review")
    }
}
