import LifecourseCore

/// A person's identity as one institution's system writes it: the institution's habits (half-width kana, no
/// space, era dates, common kanji only, full-width card digits) and what its registry got wrong for this
/// person (a kana typo, a wrong birth day), fixed per institution and person.
struct WrittenIdentity {
    let name: String
    let kana: String
    let birthDate: CalendarDate
    let symbol: String
    let number: String
    /// The 枝番, or nil when the claim leaves it out.
    let branch: String?

    init(person: SynthPerson, institution: SynthInstitution, month: YearMonth, config: SynthConfig) {
        let habits = institution.habits
        var random = SynthRandom.stream(config.seed, 5, UInt64(person.id) << 20 | UInt64(institution.index))
        var surname = person.surname.kanji
        var given = person.givenName.kanji
        if habits.commonKanjiOnly {
            surname = NamePool.commonForm(surname)
            given = NamePool.commonForm(given)
        }
        let separator = habits.noSpace ? "" : "　"
        name = surname + separator + given
        var kanaText = person.surname.kana + (habits.noSpace ? "" : " ") + person.givenName.kana
        if habits.longVowelsWrittenOut { kanaText = Self.longVowelMarks(kanaText) }
        if habits.largeSmallKana { kanaText = Self.largeSmallKana(kanaText) }
        if random.chance(config.noise.kanaTypo) { kanaText = Self.typo(kanaText, random: &random) }
        if habits.halfWidthKana { kanaText = Self.halfWidth(kanaText) }
        kana = kanaText
        var birth = person.birthDate
        if random.chance(config.noise.wrongBirthDay) {
            if random.chance(0.5), birth.day <= 12, birth.day != birth.month,
               let swapped = try? CalendarDate(year: birth.year, month: birth.day, day: birth.month) {
                birth = swapped
            } else {
                birth = birth.adding(days: random.chance(0.5) ? 1 : -1)
            }
        }
        birthDate = birth
        symbol = habits.fullWidthCard ? Self.fullWidth(person.coverage.symbol) : person.coverage.symbol
        number = habits.fullWidthCard ? Self.fullWidth(person.coverage.number) : person.coverage.number
        let sinceBranches = try! YearMonth(year: 2021, month: 10)
        branch = month >= sinceBranches && !habits.omitsBranch ? person.coverage.branch.zeroPadded(to: 2) : nil
    }

    static func fullWidth(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map {
            (0x30...0x39).contains($0.value) ? Unicode.Scalar($0.value + 0xFEE0)! : $0
        }))
    }

    /// ウ after a kana of the お row becomes ー (サトウ → サトー), as some systems write long vowels.
    static func longVowelMarks(_ text: String) -> String {
        let oRow: Set<Character> = ["オ", "コ", "ソ", "ト", "ノ", "ホ", "モ", "ヨ", "ロ", "ヲ", "ゴ", "ゾ", "ド", "ボ", "ポ", "ョ"]
        var result = [Character]()
        for character in text {
            if character == "ウ", let last = result.last, oRow.contains(last) {
                result.append("ー")
            } else {
                result.append(character)
            }
        }
        return String(result)
    }

    static func largeSmallKana(_ text: String) -> String {
        let map: [Character: Character] = ["ャ": "ヤ", "ュ": "ユ", "ョ": "ヨ", "ッ": "ツ", "ァ": "ア", "ィ": "イ",
                                           "ゥ": "ウ", "ェ": "エ", "ォ": "オ"]
        return String(text.map { map[$0] ?? $0 })
    }

    /// One kana replaced by a kana that is easy to mistype or mishear for it.
    static func typo(_ text: String, random: inout SynthRandom) -> String {
        let confusions: [Character: Character] = ["シ": "ツ", "ツ": "シ", "ソ": "ン", "ン": "ソ", "ハ": "バ", "バ": "ハ",
                                                  "タ": "ダ", "ダ": "タ", "キ": "ギ", "ギ": "キ", "コ": "ゴ", "ゴ": "コ",
                                                  "サ": "ザ", "ザ": "サ", "ト": "ド", "ド": "ト"]
        var characters = Array(text)
        let candidates = characters.indices.filter { confusions[characters[$0]] != nil }
        guard !candidates.isEmpty else { return text }
        let index = random.element(candidates)
        characters[index] = confusions[characters[index]]!
        return String(characters)
    }

    /// Full-width katakana to half-width, voiced kana as a base and a separate mark (ダ → ﾀﾞ).
    static func halfWidth(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if let mapped = halfWidthMap[scalar.value] {
                result += mapped
            } else if scalar.value == 0x3000 || scalar.value == 0x20 {
                result += " "
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static let halfWidthMap: [UInt32: String] = {
        let full = Array("ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン")
        let half = Array("ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝ")
        var map = [UInt32: String]()
        for (f, h) in zip(full, half) { map[f.unicodeScalars.first!.value] = String(h) }
        let voiced = Array("ガギグゲゴザジズゼゾダヂヅデドバビブベボ")
        let voicedBase = Array("ｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾊﾋﾌﾍﾎ")
        for (f, h) in zip(voiced, voicedBase) { map[f.unicodeScalars.first!.value] = String(h) + "ﾞ" }
        for (f, h) in zip(Array("パピプペポ"), Array("ﾊﾋﾌﾍﾎ")) { map[f.unicodeScalars.first!.value] = String(h) + "ﾟ" }
        map[("ヴ" as Character).unicodeScalars.first!.value] = "ｳﾞ"
        return map
    }()
}
