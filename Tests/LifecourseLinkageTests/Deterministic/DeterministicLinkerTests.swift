import LifecourseCore
import LifecourseStore
import LifecourseTesting
import Testing
@testable import LifecourseLinkage

@Suite struct DeterministicLinkerTests {
    let linker = DeterministicLinker()
    let clinic = IdentitySource(format: "claims-medical", sender: .institution(try! InstitutionCode("1310000011")))
    let pharmacy = IdentitySource(format: "claims-medical", sender: .institution(try! InstitutionCode("1340000015")))

    static func person(name: String = "山田　太郎", kana: String? = "ヤマダ　タロウ", born: String = "1980-01-01",
                       sex: Sex = .male, symbol: String = "１２", number: String = "３４", branch: String? = nil,
                       publicCard: PublicExpenseCard? = nil) -> PersonIdentity {
        PersonIdentity(name: name, kanaName: kana, birthDate: try! CalendarDate(iso: born), sex: sex,
                       insuranceCards: [InsuranceCard(insurerNumber: "06130017", symbol: symbol, number: number,
                                                      branch: branch)],
                       publicExpenseCards: publicCard.map { [$0] } ?? [])
    }

    /// Links identities in order in one store, returning the decisions.
    func link(_ identities: [(PersonIdentity, IdentitySource)]) throws -> [LinkDecision] {
        let test = try TestStore()
        defer { test.remove() }
        return try test.store.write { transaction in
            try identities.map { try linker.link($0.0, from: $0.1, in: transaction) }
        }
    }

    @Test func givesTheSameIdentityTheSamePerson() throws {
        let decisions = try link([(Self.person(), clinic), (Self.person(), clinic)])
        #expect(decisions[0].isNewPerson)
        #expect(decisions[1] == LinkDecision(person: decisions[0].person, identity: decisions[0].identity, isNewPerson: false,
                                            rule: "same-identity"))
    }

    @Test func linksTheSameCardAndBranchAcrossInstitutions() throws {
        let decisions = try link([(Self.person(branch: "01"), clinic),
                                  (Self.person(name: "山田太郎", kana: nil, symbol: "12", number: "34", branch: "01"), pharmacy)])
        #expect(decisions[1].person == decisions[0].person)
        #expect(decisions[1].rule == "card-branch")
    }

    @Test func keepsTwinsOnOneCardApart() throws {
        let decisions = try link([(Self.person(name: "山田　一郎", kana: "ヤマダ　イチロウ", branch: "01"), clinic),
                                  (Self.person(name: "山田　一郎", kana: "ヤマダ　イチロウ", branch: "02"), clinic)])
        #expect(decisions[1].isNewPerson)
        #expect(decisions[1].person != decisions[0].person)
    }

    @Test func needsTheNameWhenACardHasNoBranch() throws {
        // As claims 1 and 3 of the fixture: one card, one birth date, two different names.
        let decisions = try link([(Self.person(name: "テスト　汎用", kana: "テストハンヨウ"), clinic),
                                  (Self.person(name: "あいうえお", kana: "アイウエオ"), clinic),
                                  (Self.person(name: "てすと はんよう", kana: nil, branch: "00"), pharmacy)])
        #expect(decisions[1].isNewPerson)
        #expect(decisions[2].person == decisions[0].person)
        #expect(decisions[2].rule == "card-name")
    }

    @Test func linksCareRecordsByTheirPersonalInsuredNumberWithoutAName() throws {
        let insurer = IdentitySource(format: "care", sender: .insurer("131011"))
        func care(_ number: String, name: String? = nil, born: String = "1940-06-01") -> PersonIdentity {
            PersonIdentity(name: name, birthDate: try! CalendarDate(iso: born), sex: .female,
                           careInsurance: CareInsuranceCard(insurerNumber: "131011", insuredNumber: number))
        }
        let decisions = try link([(care("0000123456", name: "佐藤　花子"), insurer), (care("0000123456"), insurer),
                                  (care("0000654321"), insurer), (care("0000123456", born: "1941-06-01"), insurer)])
        #expect(decisions[1].person == decisions[0].person && decisions[1].rule == "care-card")
        #expect(decisions[2].isNewPerson, "same birth date and sex, another insured number")
        #expect(decisions[3].isNewPerson, "same insured number, another birth date")
    }

    @Test func linksAHospitalsMedicalRecordToItsClaimsByPatientNumber() throws {
        var claim = Self.person(branch: "01")
        claim.patientNumber = "00123"
        let record = PersonIdentity(name: "山田　太郎", kanaName: "ヤマダ　タロウ", birthDate: claim.birthDate, sex: .male,
                                    patientNumber: "00123")
        let medicalRecords = IdentitySource(format: "ssmix2", sender: clinic.sender)
        let decisions = try link([(claim, clinic), (record, medicalRecords)])
        #expect(decisions[1].person == decisions[0].person && decisions[1].rule == "chart-number")
    }

    @Test func neverLinksPatientNumbersOfTwoInstitutionsOrTwoBirthDates() throws {
        let record = PersonIdentity(name: "山田　太郎", birthDate: try CalendarDate(iso: "1980-01-01"), sex: .male,
                                    patientNumber: "00123")
        var otherBirth = record
        otherBirth.birthDate = try CalendarDate(iso: "1980-01-02")
        let decisions = try link([(record, IdentitySource(format: "ssmix2", sender: clinic.sender)),
                                  (record, IdentitySource(format: "ssmix2", sender: pharmacy.sender)),
                                  (otherBirth, IdentitySource(format: "ssmix2", sender: clinic.sender))])
        #expect(decisions.allSatisfy { $0.isNewPerson })
    }

    @Test func linksABareReferenceToThePatientThatCarriedIt() throws {
        let fhir = IdentitySource(format: "fhir", sender: clinic.sender)
        var patient = Self.person(branch: "01")
        patient.sourceReference = "Patient/p1"
        let decisions = try link([(patient, fhir), (PersonIdentity(sourceReference: "Patient/p1"), fhir)])
        #expect(decisions[1].person == decisions[0].person && decisions[1].rule == "source-reference")
    }

    @Test func refusesABareReferenceToAnUnknownPatientRatherThanStartAPerson() throws {
        let fhir = IdentitySource(format: "fhir", sender: clinic.sender)
        var patient = Self.person(branch: "01")
        patient.sourceReference = "Patient/p1"
        #expect(throws: UnknownReferenceError.self) {
            try link([(patient, fhir), (PersonIdentity(sourceReference: "Patient/p1"), IdentitySource(format: "fhir", sender: pharmacy.sender))])
        }
        #expect(throws: UnknownReferenceError.self) { try link([(PersonIdentity(sourceReference: "Patient/p2"), fhir)]) }
    }

    @Test func requiresBirthDateAndSexToAgree() throws {
        let decisions = try link([(Self.person(branch: "01"), clinic), (Self.person(born: "1980-01-02", branch: "01"), clinic),
                                  (Self.person(sex: .female, branch: "01"), clinic)])
        #expect(Set(decisions.map(\.person)).count == 3)
    }

    @Test func linksPublicExpenseCertificatesWithTheName() throws {
        let card = PublicExpenseCard(payerNumber: "54136015", recipientNumber: "1234566")
        var first = Self.person(publicCard: card)
        first.insuranceCards = []
        var second = Self.person(symbol: "99", number: "99", publicCard: card)
        second.insuranceCards = []
        let decisions = try link([(first, clinic), (second, pharmacy)])
        #expect(decisions[1].person == decisions[0].person)
        #expect(decisions[1].rule == "public-expense-name")
    }

    @Test func neverLinksOnPlaceholderRecipientNumbers() throws {
        let card = PublicExpenseCard(payerNumber: "12143210", recipientNumber: "0000000")
        var first = Self.person(publicCard: card)
        first.insuranceCards = []
        var second = Self.person(publicCard: card)
        second.insuranceCards = []
        second.patientNumber = "00002"
        let decisions = try link([(first, clinic), (second, clinic)])
        #expect(decisions[1].isNewPerson)
    }

    @Test func derivesTheSameResearchIDsInTwoStoresWithTheSameKey() throws {
        let identities = [(Self.person(branch: "01"), clinic), (Self.person(name: "佐藤", kana: "サトウ"), clinic)]
        #expect(try link(identities).map(\.person) == link(identities).map(\.person))
    }
}
