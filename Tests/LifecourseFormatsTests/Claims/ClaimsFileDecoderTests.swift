import Foundation
import LifecourseCore
import LifecourseTesting
import Testing
@testable import LifecourseFormats

@Suite struct ClaimsFileDecoderTests {
    @Test func readsEveryClaimOfTheOutpatientFixture() throws {
        let events = claimsEvents(try Fixtures.bytes(Fixtures.outpatientClaims))
        #expect(events.claims.count == 75)
        #expect(events.quarantined.isEmpty)
        #expect(events.warnings.isEmpty, "\(events.warnings)")
        #expect(events.claims.map(\.header.claimNumber) == Array(1...75))
        guard case .institution(let institution)? = events.first else {
            Issue.record("the first event is not the IR record")
            return
        }
        #expect(institution.institution.code == "1210000000")
        #expect(institution.billingMonth == (try YearMonth(year: 2021, month: 11)))
        guard case .trailer(let trailer)? = events.last else {
            Issue.record("the last event is not the GO record")
            return
        }
        #expect(trailer.totalCount == 140)
        #expect(trailer.totalPoints == 86392)
    }

    @Test func readsTheFirstClaimFieldByField() throws {
        let claim = try #require(claimsEvents(try Fixtures.bytes(Fixtures.outpatientClaims)).claims.first)
        #expect(claim.header.name == "テスト　汎用")
        #expect(claim.header.kanaName == "テストハンヨウ")
        #expect(claim.header.birthDate == (try CalendarDate(year: 1991, month: 11, day: 21)))
        #expect(claim.header.sex == .male)
        #expect(claim.header.claimType.code == "1122")
        #expect(claim.header.specialNotes == ["28"])
        #expect(claim.header.chartNumber == "00697")
        #expect(claim.insurance.first?.insurerNumber == "01010016")
        #expect(claim.insurance.first?.cardSymbol == "１")
        #expect(claim.insurance.first?.totalPoints == 13642)
        #expect(claim.publicExpenses.first?.payerNumber == "83136019")
        #expect(claim.diagnoses.map(\.value.code) == ["2500013", "0000999", "0000999"])
        #expect(claim.diagnoses[0].value.isMain)
        #expect(claim.diagnoses[1].value.name == "テスト")
        #expect(claim.services.count == 19)
        #expect(claim.position.line == 2)
    }

    @Test func carriesTheCategoryFromTheRecordBefore() throws {
        let claim = try #require(claimsEvents(try Fixtures.bytes(Fixtures.outpatientClaims)).claims.first)
        // CO,22 (屯服) precedes IY 620098801 whose 診療識別 is empty.
        let drug = try #require(claim.services.first { $0.value.code == "620098801" })
        #expect(drug.value.category == "22")
        let injection = try #require(claim.services.first { $0.value.code == "622478201" })
        #expect(injection.value.category == "50")
    }

    @Test(arguments: DripFeed.chunkSizes)
    func readsTheSameClaimsWhenDripFed(chunkSize: Int) throws {
        let bytes = try Fixtures.bytes(Fixtures.outpatientClaims)
        let whole = claimsEvents(bytes).claims
        let dripped = claimsEvents(bytes, chunkSize: chunkSize).claims
        #expect(dripped.map(\.header) == whole.map(\.header))
        #expect(dripped.map(\.services) == whole.map(\.services))
        #expect(dripped.map(\.diagnoses) == whole.map(\.diagnoses))
    }

    @Test func quarantinesOnlyTheClaimWithABrokenLine() throws {
        var lines = String(data: Data(try Fixtures.bytes(Fixtures.outpatientClaims)), encoding: .shiftJIS)!
            .components(separatedBy: "\r\n")
        let target = try #require(lines.firstIndex { $0.hasPrefix("SY,8848176") })  // claim 2
        lines[target] = "SY,8848176,20211345,1,8070,,01,"
        let events = claimsEvents(Array(lines.joined(separator: "\r\n").data(using: .shiftJIS)!))
        #expect(events.claims.count == 74)
        #expect(events.quarantined.count == 1)
        let broken = try #require(events.quarantined.first)
        #expect(broken.claimNumber == 2)
        #expect(broken.problem.position.line == target + 1)
        #expect(broken.problem.position.field == 3)
        #expect(broken.problem.problem.contains("診療開始日"))
        #expect(String(data: Data(broken.rawBytes), encoding: .shiftJIS)!.contains("SY,8848176,20211345"))
    }

    @Test func quarantinesAClaimWithBytesThatAreNotCP932() throws {
        var bytes = claimsFile([minimalHeader] + minimalClaim + minimalClaim.map { $0.replacingOccurrences(of: "RE,1,", with: "RE,2,") })
        let secondName = try #require(bytes.indices.filter { bytes[$0] == 0x52 && bytes[$0 + 1] == 0x45 }.last)
        bytes[secondName + 5] = 0xFF  // inside 1112, the claim type
        let events = claimsEvents(bytes)
        #expect(events.claims.map(\.header.claimNumber) == [1])
        let broken = try #require(events.quarantined.first)
        #expect(broken.problem.position.byteOffset == secondName + 5)
        #expect(broken.problem.problem.contains("CP932"))
    }

    @Test func keepsUnknownRecordTypesWithoutFailing() throws {
        let lines = [minimalHeader, "ZZ,outside,claims"] + minimalClaim + ["XY,1,2,3", "GO,1,100,99"]
        let events = claimsEvents(claimsFile(lines))
        #expect(events.claims.count == 1)
        #expect(events.unknownRecords.map(\.recordType) == ["ZZ"])
        #expect(events.claims[0].unknownRecords.map(\.text) == ["XY,1,2,3"])
        #expect(events.warnings.isEmpty)
    }

    @Test func readsEraDatesAsOlderSystemsWriteThem() throws {
        let lines = [
            "IR,1,13,1,1234567,,テスト医院,43011,00,0312345678",
            "RE,1,1112,43010,山田　太郎,1,3550101,,,,,,,00001,,,,,,,,,,,,,,,,,,,,,,,ヤマダ　タロウ,",
            "SY,8833421,4301001,1,,,01,",
            "GO,0,0,99",
        ]
        let claim = try #require(claimsEvents(claimsFile(lines)).claims.first)
        #expect(claim.header.serviceMonth == (try YearMonth(year: 2018, month: 10)))
        #expect(claim.header.birthDate == (try CalendarDate(year: 1980, month: 1, day: 1)))
        #expect(claim.diagnoses[0].value.startDate == (try CalendarDate(year: 2018, month: 10, day: 1)))
        #expect(claim.institution.billingMonth == (try YearMonth(year: 2018, month: 11)))
    }

    @Test func warnsWhenTheTrailerDoesNotMatchTheClaims() throws {
        let events = claimsEvents(claimsFile([minimalHeader] + minimalClaim + ["GO,3,999,99"]))
        #expect(events.warnings.count == 2)
        #expect(events.warnings[0].problem.contains("総件数 is 3"))
    }

    @Test func warnsWhenTheTrailerIsMissing() throws {
        let events = claimsEvents(claimsFile([minimalHeader] + minimalClaim))
        #expect(events.claims.count == 1)
        #expect(events.warnings.map(\.problem) == ["the file has no GO record at its end"])
    }

    @Test func quarantinesClaimsWhenTheInstitutionRecordIsMissing() throws {
        let events = claimsEvents(claimsFile(minimalClaim + ["GO,1,100,99"]))
        #expect(events.claims.isEmpty)
        #expect(events.quarantined.first?.problem.problem.contains("no IR or YK record") == true)
    }

    @Test func quarantinesRecordsThatComeBeforeAnyClaim() throws {
        let events = claimsEvents(claimsFile([minimalHeader, "SY,8833421,20211001,1,,,01,"] + minimalClaim + ["GO,1,100,99"]))
        #expect(events.claims.count == 1)
        #expect(events.quarantined.count == 1)
        #expect(events.quarantined[0].firstLine == 2)
    }

    @Test func refusesDayCountsPastTheEndOfTheMonth() throws {
        var claim = minimalClaim
        claim[0] = claim[0].replacingOccurrences(of: "202110", with: "202111")  // November has 30 days
        claim[3] = "SI,11,1,111000110,,100,1,,,,,,," + Array(repeating: "", count: 30).joined(separator: ",") + ",1"
        let events = claimsEvents(claimsFile([minimalHeader] + claim + ["GO,1,100,99"]))
        #expect(events.quarantined.first?.problem.problem.contains("has only 30 days") == true)
    }
}

@Suite struct ClaimsFileDecoderInstitutionTests {
    @Test func saysWhyTheInstitutionIsUnknownWhenTheIRIsBroken() throws {
        let events = claimsEvents(claimsFile(["IR,1,13,1,12AB567,,テスト医院,202110,00,"] + minimalClaim + ["GO,1,100,99"]))
        #expect(events.warnings.first?.position.line == 1)
        let problem = try #require(events.quarantined.first?.problem)
        #expect(problem.problem.contains("(IR or YK) could not be read"))
        #expect(problem.problem.contains("line 1"))
    }
}
