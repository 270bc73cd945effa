import LifecourseCore

/// A simulated source institution and the habits of its system.
struct SynthInstitution: Sendable {
    enum Kind: String, Sendable, Codable {
        case clinic, hospital, pharmacy, checkupCentre, dentalClinic
    }

    let index: Int
    let kind: Kind
    let code: InstitutionCode
    let name: String
    let prefecture: Int
    let municipality: Int
    /// Beds (hospitals; 19 or fewer for clinics with beds, 0 otherwise).
    let beds: Int
    /// 院内処方: drugs are dispensed at the clinic and billed on its claims.
    let dispensesInHouse: Bool
    /// The clinic's system sends FHIR JP Core bundles (besides its claims).
    let sendsFHIR: Bool
    let habits: SystemHabits
    /// An acute-care hospital paid by diagnosis group (DPC対象病院): its stays are billed as DPC claims.
    var participatesInDPC = false
    /// 医療機関別係数 of a DPC hospital (basic coefficient plus its functional evaluation), 1.3–1.6.
    var dpcCoefficient: Double {
        let hash = UInt64(index) &* 0x9E37_79B9_7F4A_7C15
        return 1.3 + Double((hash >> 20) % 3_000) / 10_000
    }
}

/// How an institution's system writes identities (see ``IdentityNoise``).
struct SystemHabits: Sendable, Hashable {
    var eraDates = false
    var halfWidthKana = false
    var largeSmallKana = false
    var longVowelsWrittenOut = false
    var noSpace = false
    var commonKanjiOnly = false
    var fullWidthCard = false
    var omitsBranch = false

    init(noise: IdentityNoise, random: inout SynthRandom) {
        eraDates = random.chance(noise.eraDateInstitutions)
        halfWidthKana = random.chance(noise.halfWidthKanaInstitutions)
        largeSmallKana = random.chance(noise.largeSmallKanaInstitutions)
        longVowelsWrittenOut = random.chance(noise.longVowelInstitutions)
        noSpace = random.chance(noise.noSpaceInstitutions)
        commonKanjiOnly = random.chance(noise.commonKanjiInstitutions)
        fullWidthCard = random.chance(noise.fullWidthCardInstitutions)
        omitsBranch = random.chance(noise.missingBranchInstitutions)
    }
}
