import Testing
@testable import LifecourseSynth

@Suite struct WrittenIdentityTests {
    @Test func writesKanaAsOlderSystemsDo() {
        #expect(WrittenIdentity.halfWidth("ヤマダ タロウ") == "ﾔﾏﾀﾞ ﾀﾛｳ")
        #expect(WrittenIdentity.halfWidth("パン") == "ﾊﾟﾝ")
        #expect(WrittenIdentity.longVowelMarks("サトウ ユウコ") == "サトー ユウコ")
        #expect(WrittenIdentity.largeSmallKana("キョウコ") == "キヨウコ")
        #expect(WrittenIdentity.fullWidth("19D01") == "１９D０１")
    }

    @Test func makesTypos()  {
        var random = SynthRandom(seed: 1)
        let typo = WrittenIdentity.typo("スズキ", random: &random)
        #expect(typo != "スズキ")
        #expect(typo.count == 3)
    }
}
