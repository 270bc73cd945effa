import Foundation
import LifecourseCore
import Testing
@testable import LifecourseLinkage

@Suite struct RecordLinkageTests {
    /// 400 persons written twice with the noise of real registers (long vowels, half-width kana, a kanji variant,
    /// a day one off, day and month swapped, a postal code changed), beside 400 others written once.
    static func population() -> (table: RecordLinkage.Table, person: [Int]) {
        let surnames = [("高橋", "タカハシ"), ("佐藤", "サトウ"), ("鈴木", "スズキ"), ("田中", "タナカ"), ("伊藤", "イトウ"),
                        ("渡辺", "ワタナベ"), ("山本", "ヤマモト"), ("中村", "ナカムラ"), ("小林", "コバヤシ"), ("加藤", "カトウ")]
        let given = [("太郎", "タロウ"), ("花子", "ハナコ"), ("一郎", "イチロウ"), ("洋子", "ヨウコ"), ("翔太", "ショウタ"),
                     ("美咲", "ミサキ"), ("健一", "ケンイチ"), ("裕子", "ユウコ"), ("誠", "マコト"), ("恵", "メグミ")]
        var rows = [[String]](), person = [Int]()
        var state: UInt64 = 11
        func random(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for id in 0..<800 {
            let (surname, kana) = surnames[random(surnames.count)], (name, nameKana) = given[random(given.count)]
            let birth = String(format: "19%02d-%02d-%02d", 30 + random(60), 1 + random(12), 1 + random(28))
            let postcode = String(format: "%03d-%04d", 100 + random(800), random(10_000))
            let record = [surname + name, kana + " " + nameKana, birth, postcode]
            rows.append(record)
            person.append(id)
            guard id < 400 else { continue }
            var copy = record
            switch random(5) {
            case 0: copy[0] = copy[0].replacingOccurrences(of: "高", with: "髙")
            case 1: copy[1] = UnicodeNormalization.nfkc(copy[1]).replacingOccurrences(of: "ウ", with: "ー")
            case 2: copy[2] = String(copy[2].prefix(8)) + String(format: "%02d", min(28, Int(copy[2].suffix(2))! + 1))
            case 3: copy[3] = String(copy[3].prefix(4)) + "9999"
            default: copy[1] = copy[1].replacingOccurrences(of: " ", with: "")
            }
            rows.append(copy)
            person.append(id)
        }
        // The kanji name and the kana name say the same thing: one comparison (kana) for the model, the kanji
        // name only to block on.
        let fields: [FieldKind] = [.kana, .date, .postcode, .name]
        let prepared = rows.map { row in [fields[0].prepare(row[1]), fields[1].prepare(row[2]), fields[2].prepare(row[3]), nil] }
        return (RecordLinkage.Table(fields: fields, rows: prepared), person)
    }

    @Test func findsTheSamePersonsWrittenTwiceAndKeepsTheOthersApart() {
        let (table, person) = Self.population()
        var linkage = RecordLinkage(table: table, rules: [.init(fields: [0]), .init(fields: [1])])
        linkage.randomPairs = 50_000
        let (model, pairs) = linkage.run()
        let predicted = pairs.filter { $0.probability >= 0.5 }
        let truePositives = predicted.filter { person[$0.a] == person[$0.b] }.count
        let precision = Double(truePositives) / Double(max(1, predicted.count))
        let recall = Double(truePositives) / 400
        #expect(precision >= 0.99 && recall >= 0.97, "precision \(precision), recall \(recall)")
        #expect(model.m[1][0] > model.u[1][0] * 50, "an equal birth date weighs much")
        let clusters = RecordLinkage.clusters(rows: table.count, pairs: pairs, threshold: 0.5)
        #expect(Set(clusters).count >= 790 && Set(clusters).count <= 810)
    }

    /// Sharing a rare name says more than sharing a common one: term-frequency adjustment of exact agreement.
    @Test func weighsARareNameMoreThanACommonOne() {
        let fields: [FieldKind] = [.kana, .date]
        var rows = [[String]]()
        for index in 0..<50 { rows.append(["サトウハナコ", "19\(50 + index % 40)-01-0\(1 + index % 9)"]) }
        rows.append(["ミナモトノヨリコ", "1950-01-01"])
        rows.append(["ミナモトノヨリコ", "1960-02-02"])
        rows.append(["サトウハナコ", "1970-03-03"])
        let table = RecordLinkage.Table(fields: fields, rows: rows.map { zip(fields, $0).map { $0.prepare($1) } })
        let linkage = RecordLinkage(table: table, rules: [.init(fields: [0])])
        var model = FellegiSunterModel(fields: fields)
        model.u = [[0.05, 0.05, 0.05, 0.85], [0.01, 0.01, 0.01, 0.97]]
        let trained = LinkageModel(fellegiSunter: model, termFrequencies: linkage.termFrequencies(), rows: rows.count)
        let rare = trained.scorer(table.columns).weight(50, 51)
        let common = trained.scorer(table.columns).weight(0, 52)
        #expect(linkage.levels(50, 51)[0] == 0 && linkage.levels(0, 52)[0] == 0 && rare > common + 4)
    }

    @Test func linksAcrossTwoSourcesOnly() {
        let fields: [FieldKind] = [.kana, .date]
        let rows = [["サトウハナコ", "1950-03-04"], ["サトウハナコ", "1950-03-04"], ["サトー ハナコ", "1950-03-04"]]
        let table = RecordLinkage.Table(fields: fields, rows: rows.map { zip(fields, $0).map { $0.prepare($1) } },
                                        sources: [0, 0, 1])
        let pairs = RecordLinkage(table: table, rules: [.init(fields: [1])]).candidatePairs()
        #expect(pairs.map { [$0.0, $0.1] } == [[0, 2], [1, 2]], "the two rows of source 0 are not compared")
    }
}

extension RecordLinkageTests {
    /// A rule can block on the first characters of a field: a birth year with a postal code.
    @Test func blocksOnAFieldsFirstCharacters() {
        let fields: [FieldKind] = [.kana, .date, .postcode]
        let rows = [["サトウハナコ", "1950-03-04", "1000001"], ["サトウ ハナエ", "1950-11-30", "1000001"],
                    ["スズキイチロウ", "1950-03-04", "1000002"], ["タナカジロウ", "1951-03-04", "1000001"]]
        let table = RecordLinkage.Table(fields: fields, rows: rows.map { zip(fields, $0).map { $0.prepare($1) } })
        let linkage = RecordLinkage(table: table, rules: [.init(fields: [1, 2], prefixes: [1: 4])])
        #expect(linkage.candidatePairs().map { [$0.0, $0.1] } == [[0, 1]])
    }
}

extension RecordLinkageTests {
    /// Training compares a spread sample of a rule's candidates when there are many: the model comes out close.
    @Test func trainsOnASampleOfALargeRulesCandidates() {
        let (table, _) = Self.population()
        var linkage = RecordLinkage(table: table, rules: [.init(fields: [0]), .init(fields: [1])])
        linkage.randomPairs = 50_000
        let whole = linkage.train().model.fellegiSunter
        let candidates = linkage.candidatePairs(of: .init(fields: [0])).count
        linkage.trainingPairs = candidates / 5
        let sampled = linkage.train().model.fellegiSunter
        #expect(candidates > 5_000)
        for field in whole.fields.indices {
            for level in whole.m[field].indices {
                #expect(abs(whole.m[field][level] - sampled.m[field][level]) < 0.1, "m[\(field)][\(level)]")
            }
        }
        #expect(abs(log2(whole.prior) - log2(sampled.prior)) < 0.5)
    }
}

extension RecordLinkageTests {
    /// The scorer's weight is the model's: log2 of the prior odds, log2(m/u) per field, and on exact agreement of a
    /// term-frequency field log2(u / tf) of the commoner value.
    @Test func scoresAPairAsTheModelDefinesItsWeight() {
        let (table, _) = Self.population()
        let linkage = RecordLinkage(table: table, rules: [.init(fields: [0]), .init(fields: [1])])
        let model = linkage.train().model
        let scorer = model.scorer(table.columns)
        for (a, b) in [(0, 1), (2, 3), (0, 2), (5, 700)] {
            let levels = table.columns.levels(a, b)
            var expected = model.fellegiSunter.weight(levels)
            for (field, frequencies) in model.termFrequencies where levels[field] == 0 {
                let shares = [a, b].map { frequencies[table.columns.term($0, field)!] ?? 0 }
                expected += log2(model.fellegiSunter.u[field][0] / max(shares.max()!, 1 / Double(model.rows)))
            }
            #expect(abs(scorer.weight(a, b) - expected) < 1e-9, "pair \(a), \(b)")
        }
    }
}

extension RecordLinkageTests {
    /// Namesakes agree on their sex (a given name says it), so among a name block's candidates agreeing on sex says
    /// nothing about matching: the name rule's session leaves the sex out, and then learns from the birth date and
    /// the insurance card (kept by one match in three) that a match agrees on the birth date, with λ near the true
    /// share of matching pairs.
    @Test func aFieldThatGoesWithTheBlockedNameIsLeftOutOfItsSession() {
        let surnames = ["タカハシ", "サトウ", "スズキ", "タナカ", "イトウ", "ワタナベ", "ヤマモト", "ナカムラ", "コバヤシ", "カトウ"]
        let given = [("タロウ", "1"), ("イチロウ", "1"), ("ケンジ", "1"), ("マコト", "1"), ("ショウタ", "1"),
                     ("ハナコ", "2"), ("ヨウコ", "2"), ("ミサキ", "2"), ("ユウコ", "2"), ("メグミ", "2")]
        var state: UInt64 = 5
        func random(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var rows = [[String]]()
        for person in 0..<3_000 {
            let (name, sex) = given[random(given.count)]
            let row = [surnames[random(surnames.count)] + " " + name,
                       String(format: "19%02d-%02d-%02d", 30 + random(70), 1 + random(12), 1 + random(28)), sex,
                       String(format: "%03d%04d", 100 + random(800), random(10_000))]
            rows.append(row)
            guard person < 300 else { continue }
            let moved = random(10) < 7 ? String(format: "%03d%04d", 100 + random(800), random(10_000)) : row[3]
            rows.append([row[0].replacingOccurrences(of: " ", with: ""), row[1], row[2], moved])
        }
        let fields: [FieldKind] = [.kana, .date, .exact, .exact]
        let table = RecordLinkage.Table(fields: fields, rows: rows.map { zip(fields, $0).map { $0.prepare($1) } })
        let model = RecordLinkage(table: table, rules: [.init(fields: [0], trainingIgnores: [2]), .init(fields: [1])])
            .train().model.fellegiSunter
        #expect(model.m[1][0] > 0.8, "a match agrees on the birth date: \(model.m[1])")
        let truePrior = 300 / (Double(rows.count) * Double(rows.count - 1) / 2)
        #expect(model.prior > truePrior / 3 && model.prior < truePrior * 3, "λ \(model.prior), true \(truePrior)")
        let naive = RecordLinkage(table: table, rules: [.init(fields: [0]), .init(fields: [1])]).train().model.fellegiSunter
        #expect(naive.prior > truePrior * 3 || naive.m[1][0] < 0.8, "with the sex in the name's session, EM goes wrong")
    }
}
