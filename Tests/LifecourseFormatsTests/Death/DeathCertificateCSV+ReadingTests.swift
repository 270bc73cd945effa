import LifecourseCore
import LifecourseFormats
import Testing

@Suite struct DeathCertificateCSVReadingTests {
    static func sample() throws -> DeathCertificate {
        DeathCertificate(
            municipality: try MunicipalityCode("131016"), acceptanceNumber: "2024-000123", name: "髙橋　和子",
            kanaName: "タカハシ　カズコ", sex: .female, birthDate: try CalendarDate(iso: "1938-02-11"),
            deathDate: try CalendarDate(iso: "2024-03-05"), deathTime: "04:30", place: .hospital,
            placeInstitution: try InstitutionCode("1311010010"), address: "東京都千代田区1丁目2番3号, 401",
            causes: [.init(name: "誤嚥性肺炎", icd10: "J690", duration: "10日"),
                     .init(name: "脳梗塞後遺症", icd10: "I69.3", duration: "2年")],
            contributing: .init(name: "2型糖尿病", icd10: "E11", duration: "15年"), kind: .natural,
            certifyingInstitution: try InstitutionCode("1311010010"))
    }

    static func records(_ text: String) -> [CSVRecord] {
        var splitter = CSVSplitter()
        return splitter.split(Array(text.utf8)) + splitter.finish()
    }

    static func row(_ edit: (inout [String]) -> Void) throws -> CSVRecord {
        var fields = DeathCertificateCSV.row(try sample())
        edit(&fields)
        let text = DeathCertificateCSV.header.joined(separator: ",") + "\r\n"
            + fields.map(CSVField.quote).joined(separator: ",") + "\r\n"
        return records(text)[1]
    }

    static func problem(_ edit: (inout [String]) -> Void) throws -> SourceError {
        let record = try row(edit)
        return try #require(throws: SourceError.self) {
            try DeathCertificateCSV.certificate(from: record, file: "deaths.csv")
        }
    }

    @Test func aWrittenCertificateReadsBackUnchanged() throws {
        let records = Self.records(DeathCertificateCSV.file([try Self.sample()]))
        try DeathCertificateCSV.checkHeader(records[0], file: "deaths.csv")
        #expect(try DeathCertificateCSV.certificate(from: records[1], file: "deaths.csv") == (try Self.sample()))
    }

    @Test func anEmptyTimeAndEmptyInstitutionsAreAccepted() throws {
        let record = try Self.row { $0[7] = ""; $0[9] = ""; $0[27] = "" }
        let certificate = try DeathCertificateCSV.certificate(from: record, file: "deaths.csv")
        #expect(certificate.deathTime.isEmpty && certificate.placeInstitution == nil && certificate.certifyingInstitution == nil)
    }

    @Test func aWrongHeaderNamesTheColumn() throws {
        let header = Self.records("受理市区町村,受理番号,名前\r\n")[0]
        let error = try #require(throws: SourceError.self) { try DeathCertificateCSV.checkHeader(header, file: "d.csv") }
        #expect(error.position.field == 3)
        #expect(error.description.contains("'名前'") && error.description.contains("'氏名'"))
    }

    @Test func aMunicipalityWithAWrongCheckDigitIsRefused() throws {
        let error = try Self.problem { $0[0] = "131017" }
        #expect(error.position == SourcePosition(file: "deaths.csv", line: 2, field: 1, byteOffset: error.position.byteOffset))
        #expect(error.problem.contains("check digit should be 6"))
    }

    @Test func aDeathBeforeBirthIsRefused() throws {
        let error = try Self.problem { $0[6] = "1930-01-01" }
        #expect(error.position.field == 7)
        #expect(error.problem.contains("before the birth date"))
    }

    @Test func aBadDateNamesItsColumn() throws {
        #expect(try Self.problem { $0[5] = "1938/02/11" }.position.field == 6)
    }

    @Test func aBadTimeIsRefused() throws {
        #expect(try Self.problem { $0[7] = "24:00" }.position.field == 8)
    }

    @Test func aCauseLineAfterAGapIsRefused() throws {
        let error = try Self.problem { $0[20] = "心不全"; $0[21] = "I509" }
        #expect(error.position.field == 21)
        #expect(error.problem.contains("I-ウ"))
    }

    @Test func anEmptyDirectCauseIsRefused() throws {
        let error = try Self.problem { fields in for index in 11..<17 { fields[index] = "" } }
        #expect(error.problem.contains("I(ア)"))
    }

    @Test(arguments: ["I2", "12A", "i21", "I21.", "I2.19", "I21999"])
    func aMalformedICD10IsRefused(code: String) throws {
        let error = try Self.problem { $0[12] = code }
        #expect(error.position.field == 13)
        #expect(error.problem.contains("ICD-10"))
    }

    @Test func codeOutsideTheirListsAreRefused() throws {
        #expect(try Self.problem { $0[8] = "8" }.position.field == 9)
        #expect(try Self.problem { $0[26] = "0" }.position.field == 27)
        #expect(try Self.problem { $0[4] = "3" }.position.field == 5)
        #expect(try Self.problem { $0[9] = "13110" }.position.field == 10)
    }

    @Test func aRowWithTooFewColumnsSaysHowMany() throws {
        let record = Self.records(DeathCertificateCSV.header.joined(separator: ",") + "\r\n131016,1,氏名\r\n")[1]
        let error = try #require(throws: SourceError.self) { try DeathCertificateCSV.certificate(from: record, file: "d.csv") }
        #expect(error.problem.contains("3 columns") && error.problem.contains("28"))
    }
}
