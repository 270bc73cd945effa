import Foundation
import Testing
@testable import LifecourseSynth

@Suite struct DrugTableTests {
    @Test func holdsAtLeastAHundredDrugsWithWellFormedCodes() {
        let drugs = ClinicalCodes.drugs
        #expect(drugs.count >= 100)
        for (key, drug) in drugs {
            #expect(drug.claimsCode.range(of: #"^6[0-9]{8}$"#, options: .regularExpression) != nil, "\(key)")
            if let yj = drug.yj {
                #expect(yj.range(of: #"^[0-9]{7}[A-Z][0-9]{3}[0-9A-Z]$"#, options: .regularExpression) != nil, "\(key)")
            }
            if let hot9 = drug.hot9 {
                #expect(hot9.range(of: #"^1[0-9]{8}$"#, options: .regularExpression) != nil, "\(key)")
            }
            #expect(["錠", "カプセル", "g"].contains(drug.unit), "\(key)")
            #expect(drug.dailyQuantity > 0)
        }
        #expect(Set(drugs.values.map(\.claimsCode)).count == drugs.count, "a claims code stands twice")
        #expect(drugs.values.filter { $0.hot9 != nil && $0.yj != nil }.count >= 100)
    }

    /// The YJ code's first four digits are the therapeutic class (薬効分類); each condition's drugs belong to it.
    @Test func prescribesEachConditionDrugsOfItsTherapeuticClass() {
        let classes: [ChronicCondition: [String]] = [
            .hypertension: ["21"], .diabetes: ["396"], .dyslipidaemia: ["218", "3399"], .osteoporosis: ["3999"],
            .stomachCancer: ["42"], .colorectalCancer: ["42"],
        ]
        for condition in ChronicCondition.allCases {
            for key in condition.drugKeys + condition.secondDrugKeys {
                let drug = ClinicalCodes.drugs[key]
                #expect(drug != nil, "\(condition): \(key) is not in the table")
                if let prefixes = classes[condition], let yj = drug?.yj {
                    #expect(prefixes.contains { yj.hasPrefix($0) }, "\(condition): \(key) \(yj)")
                }
            }
        }
        for key in CareModel.feverDrugs + CareModel.expectorants { #expect(ClinicalCodes.drugs[key] != nil, "\(key)") }
    }
}
