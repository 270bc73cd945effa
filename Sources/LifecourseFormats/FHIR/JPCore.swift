/// The canonical URLs of JP Core (日本医療情報学会 / JAMI FHIR JP Core, v1.x) that Lifecourse writes and reads,
/// as the JP Core implementation guide's alias file defines them.
public enum JPCore {
    public static let profileBase = "http://jpfhir.jp/fhir/core/StructureDefinition/"
    public static let extensionBase = "http://jpfhir.jp/fhir/core/Extension/StructureDefinition/"

    /// A profile URL, e.g. `profile("JP_Patient")`.
    public static func profile(_ name: String) -> String { profileBase + name }

    // Code systems.
    public static let claimsDisease = "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/masterB-disease"
    public static let icd10 = "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/ICD10-2013-full"
    public static let hot9 = "http://medis.or.jp/CodeSystem/master-HOT9"
    public static let yj = "http://capstandard.jp/iyaku.info/CodeSystem/YJ-code"
    public static let jlac10 = "http://medis.or.jp/CodeSystem/master-JLAC10-17digits"
    public static let medicationUnit = "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/MedicationUnitMERIT9Code"
    public static let medicationUsage = "http://jami.jp/CodeSystem/MedicationUsage"
    public static let route = "http://jpfhir.jp/fhir/core/CodeSystem/route-codes"
    public static let outcomeReceipt = "http://jpfhir.jp/fhir/core/CodeSystem/JP_ConditionDiseaseOutcomeReceipt_CS"

    // Identifier systems (urn:oid of the 厚生労働省 電子処方箋 / JP Core naming).
    /// A patient number at an institution: this prefix, `1` for a medical institution, and its 10-digit code.
    public static func patientIdentifierSystem(institution: String) -> String {
        "urn:oid:1.2.392.100495.20.3.51.1" + institution
    }

    /// 保険者番号.
    public static let insurerNumberSystem = "urn:oid:1.2.392.100495.20.3.61"

    // Coverage extensions for the card's 記号, 番号 and 枝番.
    public static let insuredPersonSymbol = extensionBase + "JP_Coverage_InsuredPersonSymbol"
    public static let insuredPersonNumber = extensionBase + "JP_Coverage_InsuredPersonNumber"
    public static let insuredPersonSubNumber = extensionBase + "JP_Coverage_InsuredPersonSubNumber"
    public static let insuranceOrganizationNo = extensionBase + "JP_Organization_InsuranceOrganizationNo"

    /// How a name is written: IDE (ideographic, kanji) or SYL (syllabic, kana), per ISO 21090.
    public static let nameRepresentation = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation"
}
