public import Foundation
import GRDB
public import LifecourseCore

extension StoreTransaction: IdentityVault {
    public func blindKey(_ normalized: String, kind: String) -> Data {
        keys.blindKey(normalized, kind: kind)
    }

    public func identity(recordKey: Data) throws -> StoredIdentityRef? {
        var found: StoredIdentityRef?
        try forEachRow("SELECT identity_id, person_id FROM vault.identity WHERE record_key = ?",
                       { $0.add(recordKey) }) { row in
            found = StoredIdentityRef(identityID: row.int64(0), person: try ResearchID(rawValue: row.int64(1)))
        }
        return found
    }

    public func matches(forBlindKey key: Data) throws -> [VaultMatch] {
        var matches: [VaultMatch] = []
        try forEachRow("""
            SELECT b.identity_id, i.person_id, b.kind, b.qualifier
            FROM vault.blind_key b JOIN vault.identity i USING (identity_id)
            WHERE b.key = ? ORDER BY b.identity_id
            """, { $0.add(key) }) { row in
            matches.append(VaultMatch(identityID: row.int64(0), person: try ResearchID(rawValue: row.int64(1)),
                                      kind: row.text(2) ?? "", qualifier: row.data(3)))
        }
        return matches
    }

    public func blindKeys(ofIdentity identityID: Int64) throws -> [BlindKey] {
        var keys: [BlindKey] = []
        try forEachRow("SELECT kind, key, qualifier FROM vault.blind_key WHERE identity_id = ?",
                       { $0.add(identityID) }) { row in
            keys.append(BlindKey(kind: row.text(0) ?? "", key: row.data(1) ?? Data(), qualifier: row.data(2)))
        }
        return keys
    }

    public func researchID(derivedFrom recordKey: Data, attempt: Int) -> ResearchID {
        keys.researchID(derivedFrom: recordKey, attempt: attempt)
    }

    public func registerResearchID(_ id: ResearchID) throws -> Bool {
        try insertRow("INSERT OR IGNORE INTO vault.research_id (person_id, created_at) VALUES (?, ?)") {
            $0.add(id.rawValue); $0.add(Timestamp.now())
        }
        return db.changesCount == 1
    }

    public func storeIdentity(_ new: NewIdentity) throws -> Int64 {
        let identity = new.identity
        let sealed = new.sealed ?? SealedIdentity(identity, recordKey: new.recordKey, keys: keys)
        let identityID = try insertRow("""
            INSERT INTO vault.identity (record_key, person_id, source_format, institution, sex, sealed_name,
                sealed_kana_name, sealed_birth_date, sealed_insurance, sealed_public_expense, sealed_patient_number,
                sealed_address, sealed_care_insurance, linked_by, created_at, linked_to, file_digest)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """) {
            $0.add(new.recordKey); $0.add(new.person.rawValue); $0.add(new.source.format);
            $0.add(new.source.sender.code); $0.add(identity.sex.rawValue); $0.add(sealed.name);
            $0.add(sealed.kanaName); $0.add(sealed.birthDate); $0.add(sealed.insurance); $0.add(sealed.publicExpense);
            $0.add(sealed.patientNumber); $0.add(sealed.address); $0.add(sealed.careInsurance); $0.add(new.linkedBy);
            $0.add(Timestamp.now()); $0.add(new.linkedTo); $0.add(new.source.file)
        }
        for key in new.blindKeys {
            try insertRow("""
                INSERT OR IGNORE INTO vault.blind_key (key, kind, qualifier, identity_id) VALUES (?, ?, ?, ?)
                """) {
                $0.add(key.key); $0.add(key.kind); $0.add(key.qualifier); $0.add(identityID)
            }
        }
        return identityID
    }

    /// Keeps a record whose type no reader knows, encrypted, so that nothing received is lost.
    public func storeRawRecord(fileDigest: Data, line: Int?, recordType: String, person: ResearchID?, text: String) throws {
        let sealed = rawCipher.seal(text, context: KeptRecord.context(fileDigest: fileDigest, line: line))
        try insertRow("""
            INSERT INTO vault.raw_record (file_digest, line, record_type, person_id, sealed_text) VALUES (?, ?, ?, ?, ?)
            """) {
            $0.add(fileDigest); $0.add(line); $0.add(recordType); $0.add(person?.rawValue); $0.add(sealed)
        }
    }
}

extension StoreReader {
    /// The identities of a research ID, decrypted (for linkage review and the consented summary only).
    public func identities(of person: ResearchID) throws -> [PersonIdentity] {
        try VaultIdentityRow.fetchAll(db, where: "person_id = ? ORDER BY identity_id", [person.rawValue])
            .map { try $0.opened(vaultCipher) }
    }
}

/// A vault identity row with its fields still sealed: read on the database's thread, opened on any (opening —
/// AES-GCM and JSON for each field — is the costly part).
struct VaultIdentityRow: Sendable {
    private static let columns = """
        identity_id, person_id, record_key, sex, linked_to, file_digest, linked_by, source_format, institution,
        sealed_name, sealed_kana_name, sealed_birth_date, sealed_insurance, sealed_public_expense, sealed_patient_number,
        sealed_address, sealed_care_insurance
        """

    var identityID: Int64
    var personID: Int64
    var recordKey: Data
    var sex: Sex
    var linkedTo: Int64?
    var firstFile: Data?
    var linkedBy: String
    var sourceFormat: String
    var institution: String
    var sealed: SealedIdentity

    /// The rows that meet `condition` (SQL after `WHERE`), their columns read by position.
    static func fetchAll(_ db: Database, where condition: String, _ arguments: StatementArguments) throws -> [VaultIdentityRow] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT \(columns) FROM vault.identity WHERE \(condition)"),
                         arguments: arguments).map { row in
            VaultIdentityRow(
                identityID: row[0], personID: row[1], recordKey: row[2], sex: Sex(rawValue: row[3]) ?? .unknown,
                linkedTo: row[4], firstFile: row[5], linkedBy: row[6], sourceFormat: row[7], institution: row[8],
                sealed: SealedIdentity(name: row[9], kanaName: row[10], birthDate: row[11], insurance: row[12],
                                       publicExpense: row[13], patientNumber: row[14], address: row[15], careInsurance: row[16]))
        }
    }

    func opened(_ cipher: FieldCipher) throws -> PersonIdentity {
        try sealed.opened(recordKey: recordKey, sex: sex, cipher: cipher)
    }
}

/// A record kept encrypted in the vault: of a type no reader knows, or free text (症状詳記, 摘要).
public struct KeptRecord: Sendable, Hashable {
    public var recordType: String
    public var line: Int?
    public var text: String

    public init(recordType: String, line: Int?, text: String) {
        self.recordType = recordType
        self.line = line
        self.text = text
    }

    /// The encryption context of a kept record: its file and line.
    static func context(fileDigest: Data, line: Int?) -> String {
        "vault.raw_record|\(fileDigest.hex)|\(line ?? 0)"
    }
}

extension StoreReader {
    /// The records kept for a person, opened, in file and line order — for the operator, never for research.
    public func keptRecords(of person: ResearchID) throws -> [KeptRecord] {
        try Row.fetchAll(db, sql: """
            SELECT file_digest, line, record_type, sealed_text FROM vault.raw_record WHERE person_id = ?
            ORDER BY raw_record_id
            """, arguments: [person.rawValue]).map { row in
            let digest: Data = row["file_digest"]
            let line: Int? = row["line"]
            return KeptRecord(recordType: row["record_type"], line: line,
                              text: try rawCipher.openText(row["sealed_text"],
                                                           context: KeptRecord.context(fileDigest: digest, line: line)))
        }
    }
}
