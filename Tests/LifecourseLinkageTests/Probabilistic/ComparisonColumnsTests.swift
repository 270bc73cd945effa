import Foundation
import Testing
@testable import LifecourseLinkage

@Suite struct ComparisonColumnsTests {
    static let kinds: [FieldKind] = [.person, .date, .exact, .postcode, .number]

    static func row(_ kanji: String, _ kana: String, _ birth: String, _ sex: String?, _ postcode: String?,
                    _ number: String) -> [PreparedValue?] {
        [FieldKind.person.prepare(FieldKind.personValue(kanji: kanji, kana: kana)), FieldKind.date.prepare(birth),
         sex.flatMap { FieldKind.exact.prepare($0) }, postcode.flatMap { FieldKind.postcode.prepare($0) },
         FieldKind.number.prepare(number)]
    }

    @Test func equalValuesMakeEqualCellsSoRowsCanBeGroupedByThem() {
        var columns = ComparisonColumns(kinds: Self.kinds)
        let a = columns.append(Self.row("高橋 花子", "タカハシ ハナコ", "1950-03-04", "2", "100-0001", "12345"))
        let b = columns.append(Self.row("高橋花子", "ﾀｶﾊｼ ﾊﾅｺ", "3250304", "2", "1000001", "12345"))
        let c = columns.append(Self.row("髙橋花子", "タカハシハナコ", "1950-03-05", "2", "1000099", "12346"))
        #expect(columns.row(a) == columns.row(b), "the same values, written differently, prepare to the same cells")
        #expect(columns.row(a) != columns.row(c))
        #expect(columns.levels(a, c) == [1, 1, 0, 1, 1])
    }

    @Test func aMissingValueHasNoLevel() {
        var columns = ComparisonColumns(kinds: Self.kinds)
        let a = columns.append(Self.row("", "サトウ ハナコ", "1960-01-02", nil, nil, "1"))
        let b = columns.append(Self.row("佐藤花子", "サトウハナコ", "1960-02-01", "2", "2000000", "1"))
        #expect(columns.levels(a, b) == [0, 1, nil, nil, 0], "kana decides the name where a side has no kanji")
    }

    @Test func aLevelPatternIsOneNumberThatGivesTheLevelsBack() {
        var columns = ComparisonColumns(kinds: Self.kinds)
        let a = columns.append(Self.row("鈴木一郎", "スズキ イチロウ", "1970-05-06", "1", nil, "777"))
        let b = columns.append(Self.row("鈴木一朗", "スズキ イチロウ", "1970-06-05", "1", "3000000", "778"))
        let levels = columns.levels(a, b)
        #expect(columns.levels(pattern: columns.pattern(a, b, ignoring: 0)) == levels)
        #expect(columns.levels(pattern: columns.pattern(a, b, ignoring: 0b10)) == [levels[0], nil] + levels[2...])
        #expect(levels == [1, 1, 0, nil, 1])
    }

    @Test func blockingKeysUseTheReadingOrElseTheFoldedKanjiAndCutPrefixes() {
        var columns = ComparisonColumns(kinds: Self.kinds)
        let withKana = columns.append(Self.row("髙橋花子", "タカハシ ハナコー", "1950-03-04", "2", nil, "1"))
        let kanjiOnly = columns.append(Self.row("髙橋花子", "", "1950-03-04", "2", nil, "1"))
        #expect(columns.blockingKey(withKana, .init(fields: [0])) == "タカハシハナコ\u{1F}")
        #expect(columns.blockingKey(kanjiOnly, .init(fields: [0])) == "高橋花子\u{1F}")
        #expect(columns.blockingKey(withKana, .init(fields: [1, 2], prefixes: [1: 4])) == "1950\u{1F}2\u{1F}")
        #expect(columns.blockingKey(withKana, .init(fields: [3])) == nil, "no postal code, no key")
        #expect(columns.term(withKana, 0) == "髙橋花子" && columns.term(kanjiOnly, 3) == nil)
    }

    @Test func namesLongerThanSixtyFourCharactersCompareToo() {
        let long = String(repeating: "アイウエオ", count: 20)
        var columns = ComparisonColumns(kinds: [.kana])
        let a = columns.append([FieldKind.kana.prepare(long)])
        let b = columns.append([FieldKind.kana.prepare(long + "カ")])
        #expect(columns.levels(a, b) == [1])
    }
}
