import Foundation
import LifecourseCore
import LifecourseFormats
import Testing
@testable import LifecourseSynth

@Suite struct CheckupModelTests {
    static let population: [SynthPerson] = PopulationBuilder(
        config: SynthConfig(persons: 30_000, seed: 7, firstYear: 2023, lastYear: 2023)).build().persons
    static let model = CheckupModel(seed: 7)
    static let day = try! CalendarDate(year: 2023, month: 10, day: 2)

    static func examinedShare(_ persons: [SynthPerson]) -> Double {
        let examined = persons.filter { person in
            let month = model.examMonth(person)
            return model.isExamined(person, in: try! YearMonth(year: month >= 4 ? 2023 : 2024, month: month))
        }
        return Double(examined.count) / Double(persons.count)
    }

    @Test func attendsAtThePublishedRateOfEachInsurerKind() {
        let end = try! CalendarDate(year: 2024, month: 3, day: 31)
        let eligible = Self.population.filter { (40...74).contains($0.age(on: end)) }
        for kind in [InsuranceKind.kyokai, .kumiai, .kokuho] {
            let members = eligible.filter { $0.coverage.kind == kind }
            #expect(abs(Self.examinedShare(members) - CheckupModel.participation(kind)) < 0.04, "\(kind)")
        }
        #expect(Self.examinedShare(Self.population.filter { $0.age(on: end) < 40 || $0.coverage.kind == .kouki }) == 0)
    }

    @Test func examinesNationalInsuranceMembersFromJuneToNovember() {
        let months = Set(Self.population.filter { $0.coverage.kind == .kokuho }.map(Self.model.examMonth))
        #expect(months == Set(6...11))
    }

    static func value(_ code: String, _ observations: [CheckupDocument.Observation]) -> CheckupDocument.Value? {
        observations.first { $0.itemCode == code }?.value
    }

    static func number(_ code: String, _ observations: [CheckupDocument.Observation]) -> Double? {
        guard case .quantity(let text, _) = value(code, observations) else { return nil }
        return Double(text)
    }

    @Test func answersTheMedicationQuestionsFromTreatment() {
        let adults = Self.population.filter { $0.age(on: Self.day) >= 40 }.prefix(3000)
        var checked = 0
        for person in adults {
            let observations = Self.model.observations(for: person, on: Self.day)
            for (condition, code) in [(ChronicCondition.hypertension, "9N701000000000011"), (.diabetes, "9N706000000000011"),
                                      (.dyslipidaemia, "9N711000000000011")] {
                let medicated = person.conditions.has(condition) && person.conditions.drug(condition) != nil
                guard case .code(let answer, _, _) = Self.value(code, observations) else {
                    Issue.record("no \(code)")
                    continue
                }
                #expect(answer == (medicated ? "1" : "2"))
                if medicated { checked += 1 }
            }
        }
        #expect(checked > 100)
    }

    @Test func measuresBloodPressureAndHbA1cThatFollowTheConditions() {
        var untreated = [Double](), normal = [Double](), diabetic = [Double](), healthy = [Double]()
        for person in Self.population where person.age(on: Self.day) >= 40 {
            let observations = Self.model.observations(for: person, on: Self.day)
            let systolic = Self.number("9A751000000000001", observations)!
            if person.conditions.has(.hypertension), person.conditions.drug(.hypertension) == nil {
                untreated.append(systolic)
            } else if !person.conditions.has(.hypertension) {
                normal.append(systolic)
            }
            let hba1c = Self.number("3D046000001906202", observations)!
            if person.conditions.has(.diabetes) { diabetic.append(hba1c) } else { healthy.append(hba1c) }
        }
        func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }
        #expect(mean(untreated) > 145)
        #expect(mean(normal) < 130)
        #expect(Double(normal.filter { $0 >= 140 }.count) / Double(normal.count) < 0.1)
        #expect(mean(diabetic) > 6.8)
        #expect(Double(healthy.filter { $0 >= 6.5 }.count) / Double(healthy.count) < 0.01)
    }

    @Test func judgesMetabolicSyndromeByWaistAndRisks() {
        for person in Self.population.filter({ $0.age(on: Self.day) >= 40 }).prefix(2000) {
            let observations = Self.model.observations(for: person, on: Self.day)
            let waist = Self.number("9N016160100000001", observations)!
            guard case .code(let judgement, _, _) = Self.value("9N501000000000011", observations) else { continue }
            if waist < (person.sex == .male ? 85 : 90) { #expect(judgement == "3") }
        }
    }
}
