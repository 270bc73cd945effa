import Foundation
import LifecourseCore
import LifecourseFormats
import Testing

@Suite struct DispensingClaimsFileWriterTests {
    static let pharmacy = try! InstitutionCode("1341010016")
    static let clinic = try! InstitutionCode("1311010010")

    static func claim(number: Int, prescriptions: Int = 1) throws -> WrittenDispensingClaim {
        let day = try CalendarDate(year: 2024, month: 5, day: 14)
        let rx = WrittenDispensingClaim.Prescription(
            form: "1", usage: "006", days: 28, unitDrugPoints: 3,
            preparation: .init(code: "420001810", points: 24), management: .init(code: "440011810", points: 50),
            drugs: [.init(code: "612170710", dailyQuantity: 1), .init(code: "620000033", dailyQuantity: 1.5)])
        let header = WrittenClaim.Header(
            claimNumber: number, claimType: "4112", serviceMonth: try YearMonth(year: 2024, month: 5), name: "髙橋　一郎",
            kanaName: "ﾀｶﾊｼ ｲﾁﾛｳ", sex: .male, birthDate: try CalendarDate(year: 1950, month: 4, day: 1), benefitRate: nil,
            admissionDate: nil, bedCount: nil, chartNumber: "0001234")
        return WrittenDispensingClaim(
            header: header, prescriber: .init(code: clinic, name: "千代田第1クリニック"),
            insurance: .init(insurerNumber: "01130012", symbol: "1234", number: "56"),
            qualification: .init(confirmation: "01", branch: "00"),
            receptions: [.init(prescriptionDate: day, dispensingDate: day, basicFee: .init(code: "410004110", points: 45),
                               guidanceFees: [.init(code: "440012010", points: 45)],
                               prescriptions: Array(repeating: rx, count: prescriptions))])
    }

    static func records(_ bytes: [UInt8]) throws -> [[String]] {
        let text = try #require(String(data: Data(bytes), encoding: .shiftJIS))
        #expect(text.hasSuffix("\r\n"))
        return text.components(separatedBy: "\r\n").dropLast().map { $0.components(separatedBy: ",") }
    }

    @Test func writesThePharmacyLayoutFieldByField() throws {
        var writer = DispensingClaimsFileWriter()
        writer.pharmacy(Self.pharmacy, payer: 1, name: "千代田薬局", billingMonth: try YearMonth(year: 2024, month: 6))
        writer.claim(try Self.claim(number: 1))
        let records = try Self.records(try writer.finish())
        #expect(records.map { $0[0] } == ["YK", "RE", "HO", "SN", "SH", "CZ", "IY", "IY", "KI", "GO"])
        let counts = ["YK": 9, "RE": 42, "HO": 14, "SN": 9, "SH": 10, "CZ": 71, "IY": 10, "KI": 114, "GO": 4]
        for record in records { #expect(record.count == counts[record[0]], "\(record[0])") }
        #expect(records[0] == ["YK", "1", "13", "4", "1010016", "千代田薬局", "202406", "00", ""])
        let re = records[1]
        #expect(Array(re[1...6]) == ["1", "4112", "202405", "髙橋　一郎", "1", "19500401"])
        #expect(Array(re[9...12]) == ["13", "1", "1010010", "千代田第1クリニック"])
        #expect(re[35] == "0001234" && re[41] == "ﾀｶﾊｼ ｲﾁﾛｳ")
        // 45 + 45 basic and guidance, 3 × 28 drugs, 24 preparation, 50 management.
        #expect(Array(records[2][1...5]) == ["01130012", "1234", "56", "1", "248"])
        #expect(Array(records[4][1...5]) == ["01", "1", "006", "", "3"])
        let cz = records[5]
        #expect(Array(cz[1...10]) == ["1", "20240514", "20240514", "1", "28", "1", "1", "01", "420001810", "24"])
        #expect(cz[13] == "84")
        #expect(Array(cz[57...61]) == ["1", "1", "01", "440011810", "50"])
        #expect(Array(records[7][1...3]) == ["1", "620000033", "1.5"])
        let ki = records[8]
        #expect(Array(ki[1...5]) == ["20240514", "1", "1", "410004110", "45"])
        #expect(Array(ki[7...10]) == ["1", "440012010", "1", "45"])
        #expect(records[9] == ["GO", "1", "248", "99"])
    }

    @Test func leavesThePreparationFeeEmptyBeyondTheThirdPrescription() throws {
        var claim = try Self.claim(number: 1, prescriptions: 4)
        claim.receptions[0].prescriptions[3].preparation = nil
        claim.receptions[0].prescriptions[3].management = nil
        var writer = DispensingClaimsFileWriter()
        writer.pharmacy(Self.pharmacy, payer: 2, name: "千代田薬局", billingMonth: try YearMonth(year: 2024, month: 6))
        writer.claim(claim)
        let records = try Self.records(try writer.finish())
        let cz = records.filter { $0[0] == "CZ" }
        #expect(cz.map { $0[8] } == ["01", "02", "03", ""])
        #expect(records.filter { $0[0] == "SH" }.map { $0[1] } == ["01", "02", "03", "04"])
        #expect(records.last == ["GO", "1", String(claim.points), "99"])
        #expect(claim.points == 90 + 3 * (84 + 74) + 84)
    }

    @Test func writesEraDatesForOlderSystems() throws {
        var writer = DispensingClaimsFileWriter(dateStyle: .era)
        writer.pharmacy(Self.pharmacy, payer: 1, name: "千代田薬局", billingMonth: try YearMonth(year: 2024, month: 6))
        writer.claim(try Self.claim(number: 1))
        let records = try Self.records(try writer.finish())
        #expect(records[0][6] == "50606")
        #expect(records[1][3] == "50605" && records[1][6] == "3250401")
        #expect(records.first { $0[0] == "CZ" }?[2] == "5060514")
    }
}
