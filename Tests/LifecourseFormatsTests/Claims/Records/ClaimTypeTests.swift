import LifecourseCore
import LifecourseFormats
import Testing

@Suite struct ClaimTypeTests {
    @Test(arguments: [
        ("1112", FeeSchedule.medical, "health-insurance", 1, "insured", false),
        ("1111", .medical, "health-insurance", 1, "insured", true),
        ("1124", .medical, "health-insurance", 2, "preschool", false),
        ("1316", .medical, "late-elderly", 1, "dependant", false),
        ("1218", .medical, "public-expense-only", 1, "elderly-general", false),
        ("4110", .pharmacy, "health-insurance", 1, "elderly-high-income", false),
        ("1419", .medical, "retiree", 1, "elderly-high-income", true),
    ])
    func decodesTheFourDigits(code: String, schedule: FeeSchedule, payer: String, payers: Int, person: String,
                              inpatient: Bool) throws {
        let type = try ClaimType(code)
        #expect(type.feeSchedule == schedule && type.payer.name == payer && type.payerCount == payers)
        #expect(type.personKind.rawValue == person && type.isInpatient == inpatient)
    }

    @Test(arguments: ["112", "11120", "2112", "1512", "1162", "11a2"])
    func refusesCodesOutsideTheTables(code: String) {
        #expect(throws: ValueError.self) { try ClaimType(code) }
    }
}
