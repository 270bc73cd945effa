/// The code systems source records use, named as the research store records them (`*_source_value` is
/// `system:code`). Japanese local codes follow the OHDSI Japan convention of being source codes.
public enum CodeSystem: String, Sendable, Hashable, Codable, CaseIterable {
    /// 傷病名コード (7 digits), 支払基金 master b.
    case claimsDisease = "jp-claims-disease"
    /// 修飾語コード (4 digits), master z.
    case claimsModifier = "jp-claims-modifier"
    /// 診療行為コード (9 digits), master s.
    case claimsProcedure = "jp-claims-procedure"
    /// 医薬品コード (9 digits), master y.
    case claimsDrug = "jp-claims-drug"
    /// 調剤行為コード (9 digits): the fees of 調剤 claims (調剤基本料, 薬剤調製料, 調剤管理料, 薬学管理料).
    case claimsDispensingAct = "jp-claims-dispensing"
    /// 特定器材コード (9 digits), master t.
    case claimsDevice = "jp-claims-device"
    /// コメントコード (9 digits), master c.
    case claimsComment = "jp-claims-comment"
    /// ICD-10 (WHO, with the Japanese 2013 edition's codes).
    case icd10 = "icd10"
    /// HOT9 drug code (MEDIS HOT master).
    case hot9 = "hot9"
    /// 薬価基準収載医薬品コード (YJ, 12 characters).
    case yj = "yj"
    /// JLAC10 laboratory code (17 characters).
    case jlac10 = "jlac10"
    /// MEDIS 病名管理番号.
    case medisDisease = "medis-disease"
    /// LOINC (laboratory and clinical observations), as FHIR sources may code vital signs.
    case loinc = "loinc"
    /// A code the sending institution defines itself (HL7 coding systems named 99…, or none); meaningful only
    /// with the institution that sent it.
    case local = "local"
}
