import Foundation
import LifecourseCore
import LifecourseFormats

/// Writes the ground truth: every person as they really are, and every institution.
struct TruthWriter {
    let output: URL

    func write(persons: [SynthPerson], institutions: [SynthInstitution]) throws {
        let people = try OutputFile(output.appendingPathComponent("truth/persons.csv"))
        try people.write("person_id,sex,birth_date,surname,given_name,surname_kana,given_name_kana,prefecture,"
                         + "municipality,insurance,insurer_number,card_symbol,card_number,branch,death_date,conditions\n")
        for person in persons {
            let conditions = person.conditions.present.map(\.diagnosis.icd10).joined(separator: " ")
            let fields: [String] = [
                String(person.id), person.sex.claimsCode, person.birthDate.description, person.surname.kanji,
                person.givenName.kanji, person.surname.kana, person.givenName.kana, person.prefecture.zeroPadded(to: 2),
                Geography.municipalities[person.municipality].code6, person.coverage.kind.rawValue,
                person.coverage.insurerNumber, person.coverage.symbol, person.coverage.number,
                person.coverage.branch.zeroPadded(to: 2), person.deathDate?.description ?? "", conditions,
            ]
            try people.write(fields.map(CSVField.quote).joined(separator: ",") + "\n")
        }
        try people.close()
        let places = try OutputFile(output.appendingPathComponent("truth/institutions.csv"))
        try places.write("institution_code,kind,name,prefecture,municipality,beds,in_house_dispensing,era_dates\n")
        for institution in institutions {
            let fields: [String] = [
                institution.code.code, institution.kind.rawValue, institution.name, institution.prefecture.zeroPadded(to: 2),
                Geography.municipalities[institution.municipality].code6, String(institution.beds),
                institution.dispensesInHouse ? "1" : "0", institution.habits.eraDates ? "1" : "0",
            ]
            try places.write(fields.map(CSVField.quote).joined(separator: ",") + "\n")
        }
        try places.close()
    }
}
