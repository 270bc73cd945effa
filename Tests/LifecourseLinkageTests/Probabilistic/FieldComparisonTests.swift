import Testing
@testable import LifecourseLinkage

@Suite struct FieldComparisonTests {
    static func level(_ kind: FieldKind, _ a: String, _ b: String) -> Int? {
        guard let x = kind.prepare(a), let y = kind.prepare(b) else { return nil }
        return kind.level(x, y)
    }

    @Test func namesAgreeExactlyThroughVariantsOrBySimilarity() {
        #expect(Self.level(.name, "高橋 一郎", "高橋一郎") == 0)
        #expect(Self.level(.name, "髙橋一郎", "高橋一郎") == 1)
        #expect(Self.level(.name, "高橋一郎", "高橋一朗") == 3, "short names: one character of four is much")
        #expect(Self.level(.name, "長谷川健太郎", "長谷川健二郎") == 2)
        #expect(Self.level(.name, "高橋一郎", "佐藤花子") == 4)
        #expect(Self.level(.name, "", "高橋") == nil, "a missing value says nothing")
    }

    @Test func kanaAgreesThroughItsFoldsOrBySimilarity() {
        #expect(Self.level(.kana, "サトウ ハナコ", "ｻﾄｰﾊﾅｺ") == 0)
        #expect(Self.level(.kana, "サトウハナコ", "サトウハナエ") == 1)
        #expect(Self.level(.kana, "ヤマダタロウ", "スズキハナコ") == 3)
    }

    @Test func aPersonsKanjiAndKanaNameAreOneComparison() {
        func person(_ kanji: String, _ kana: String) -> String { FieldKind.personValue(kanji: kanji, kana: kana) }
        #expect(Self.level(.person, person("高橋花子", "タカハシ ハナコ"), person("高橋 花子", "ﾀｶﾊｼﾊﾅｺ")) == 0)
        #expect(Self.level(.person, person("", "サトウ ハナコ"), person("佐藤花子", "ｻﾄｳﾊﾅｺ")) == 0,
                "kana alone decides when a side has no kanji")
        #expect(Self.level(.person, person("", "サトウハナコ"), person("佐藤花子", "サトー ハナコ")) == 1,
                "the same reading once long vowels are folded, one level down")
        #expect(Self.level(.person, person("小野節子", "オノ セツコ"), person("大野節子", "オオノ セツコ")) == 2,
                "小野 and 大野 fold to one reading but are different surnames")
        #expect(Self.level(.person, person("髙橋花子", "タカハシハナコ"), person("高橋花子", "タカハシハナコ")) == 1)
        #expect(Self.level(.person, person("斎藤一郎", "サイトウイチロウ"), person("斉藤一郎", "サイトウイチロウ")) == 1,
                "different kanji, the same reading")
        #expect(Self.level(.person, person("佐藤花子", "サトウハナコ"), person("佐藤花江", "サトウハナエ")) == 2)
        #expect(Self.level(.person, person("佐藤花子", "サトウハナコ"), person("鈴木一郎", "スズキイチロウ")) == 4)
        #expect(FieldKind.person.prepare(person("", "")) == nil)
    }

    @Test func datesAgreeExactlyByOneEditBySwapOrByMonth() {
        #expect(Self.level(.date, "1950-03-04", "19500304") == 0)
        #expect(Self.level(.date, "1950-03-04", "3250304") == 0, "an era date (昭和25年)")
        #expect(Self.level(.date, "1950-03-04", "1950-03-05") == 1)
        #expect(Self.level(.date, "1950-03-04", "1950-04-03") == 1, "day and month swapped")
        #expect(Self.level(.date, "1952-09-30", "1952-10-01") == 1, "a day apart across a month's end")
        #expect(Self.level(.date, "1950-03-04", "1950-03-21") == 2)
        #expect(Self.level(.date, "1950-03-04", "1961-07-08") == 3)
    }

    @Test func postcodesAgreeByPrefixAndNumbersByOneDigit() {
        #expect(Self.level(.postcode, "100-0001", "1000001") == 0)
        #expect(Self.level(.postcode, "100-0001", "1000099") == 1)
        #expect(Self.level(.postcode, "100-0001", "1001234") == 2)
        #expect(Self.level(.postcode, "100-0001", "9000001") == 3)
        #expect(Self.level(.number, "０９０-１２３４", "0901235") == 1)
        #expect(Self.level(.number, "12", "34") == 2)
    }
}
