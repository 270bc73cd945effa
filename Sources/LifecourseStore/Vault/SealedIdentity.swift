public import Foundation
public import LifecourseCore

/// The fields of an identity as the vault stores them: each sealed with AES-256-GCM under the vault key, bound to
/// its column and to the identity's record key. Sealing depends only on the identity, the record key and the
/// store's keys, so an ingest seals on its reading thread and the writing thread only inserts.
public struct SealedIdentity: Sendable, Hashable {
    var name: Data?
    var kanaName: Data?
    var birthDate: Data?
    var insurance: Data?
    var publicExpense: Data?
    var patientNumber: Data?
    var address: Data?
    var careInsurance: Data?

    public init(_ identity: PersonIdentity, recordKey: Data, keys: KeyRing) {
        let cipher = FieldCipher(keys, vault: true)
        let context = recordKey.hex
        func seal(_ column: String, _ value: String?) -> Data? {
            value.map { cipher.seal($0, context: "vault.identity.\(column)|\(context)") }
        }
        name = seal("name", identity.name)
        kanaName = seal("kana_name", identity.kanaName)
        birthDate = seal("birth_date", identity.birthDate?.description)
        insurance = seal("insurance", identity.insuranceCards.isEmpty ? nil : VaultJSON.text(identity.insuranceCards))
        publicExpense = seal("public_expense",
                             identity.publicExpenseCards.isEmpty ? nil : VaultJSON.text(identity.publicExpenseCards))
        patientNumber = seal("patient_number", identity.patientNumber)
        address = seal("address", identity.address)
        careInsurance = seal("care_insurance", identity.careInsurance.map(VaultJSON.text))
    }

    init(name: Data?, kanaName: Data?, birthDate: Data?, insurance: Data?, publicExpense: Data?, patientNumber: Data?,
         address: Data?, careInsurance: Data?) {
        self.name = name
        self.kanaName = kanaName
        self.birthDate = birthDate
        self.insurance = insurance
        self.publicExpense = publicExpense
        self.patientNumber = patientNumber
        self.address = address
        self.careInsurance = careInsurance
    }

    /// The identity, opened with the vault's cipher (the sex is stored in the clear).
    func opened(recordKey: Data, sex: Sex, cipher: FieldCipher) throws -> PersonIdentity {
        let decoder = JSONDecoder()
        let context = recordKey.hex
        func open(_ column: String, _ sealed: Data?) throws -> String? {
            try sealed.map { try cipher.openText($0, context: "vault.identity.\(column)|\(context)") }
        }
        return PersonIdentity(
            name: try open("name", name), kanaName: try open("kana_name", kanaName),
            birthDate: try open("birth_date", birthDate).map { try CalendarDate(iso: $0) }, sex: sex,
            insuranceCards: try open("insurance", insurance).map { try decoder.decode([InsuranceCard].self, from: Data($0.utf8)) } ?? [],
            publicExpenseCards: try open("public_expense", publicExpense).map {
                try decoder.decode([PublicExpenseCard].self, from: Data($0.utf8))
            } ?? [],
            patientNumber: try open("patient_number", patientNumber), address: try open("address", address),
            careInsurance: try open("care_insurance", careInsurance).map {
                try decoder.decode(CareInsuranceCard.self, from: Data($0.utf8))
            })
    }
}
