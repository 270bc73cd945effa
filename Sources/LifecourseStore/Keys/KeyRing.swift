import Crypto
public import Foundation
public import LifecourseCore

/// The keys derived from a ``MasterKey`` with HKDF-SHA256, one per purpose, so that no key serves two ends.
///
/// Keys are kept as bytes, and prepared once for their algorithms (``PreparedKeys``): an ingest computes hundreds of
/// thousands of blind keys and seals, and preparing a key each time was a fifth of that work.
public struct KeyRing: Sendable {
    /// Encrypts identity fields in the vault.
    let vault: [UInt8]
    /// Encrypts raw source data held for the operator (quarantined claims, unknown records, file names).
    let raw: [UInt8]
    /// Keys the blind index (HMAC of normalized identity values).
    let blindIndex: [UInt8]
    /// Checks that a store is opened with the key it was created with.
    let keyCheck: [UInt8]
    /// The root of per-release pseudonym keys.
    let releases: [UInt8]
    /// Derives research IDs from the identity that first names a person.
    let researchIDs: [UInt8]
    let prepared: PreparedKeys

    public init(_ master: MasterKey) {
        func derive(_ purpose: String) -> [UInt8] {
            let key = HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: master.bytes),
                                             salt: Data("lifecourse".utf8), info: Data(purpose.utf8), outputByteCount: 32)
            return key.withUnsafeBytes { [UInt8]($0) }
        }
        vault = derive("vault-fields-v1")
        raw = derive("raw-source-v1")
        blindIndex = derive("blind-index-v1")
        keyCheck = derive("key-check-v1")
        releases = derive("release-pseudonyms-v1")
        researchIDs = derive("research-ids-v1")
        prepared = PreparedKeys(vault: vault, raw: raw, blindIndex: blindIndex, researchIDs: researchIDs)
    }

    /// The value stored with a store to recognise its key.
    var keyCheckValue: Data {
        Data(HMAC<SHA256>.authenticationCode(for: Data("lifecourse key check".utf8), using: SymmetricKey(data: keyCheck)))
    }

    /// A research ID derived from a record key: the first 55 bits of HMAC-SHA256(record key ‖ attempt).
    /// Without the key the IDs look random; with it, a store rebuilt from the same files gets the same IDs.
    public func researchID(derivedFrom recordKey: Data, attempt: Int) -> ResearchID {
        var hmac = prepared.researchIDs.message
        hmac.update(recordKey)
        withUnsafeBytes(of: UInt32(attempt).bigEndian) { hmac.update($0) }
        let mac = Array(hmac.finalize())
        let number = mac.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) } >> 9
        return (try? ResearchID(rawValue: Int64(number))) ?? researchID(derivedFrom: recordKey, attempt: attempt + 1 << 16)
    }

    /// The blind key of a normalized value: HMAC-SHA256 over the kind and the value.
    public func blindKey(_ normalized: String, kind: String) -> Data {
        var hmac = prepared.blindIndex.message
        hmac.update(kind)
        withUnsafeBytes(of: UInt8(0x1F)) { hmac.update($0) }
        hmac.update(normalized)
        return hmac.finalize()
    }
}

/// The keys of a ``KeyRing`` prepared for their algorithms: AES-GCM keys for the ciphers, HMACs already keyed (an
/// HMAC is copied, then fed the message), and the ciphers' nonces. Immutable after creation but for the nonces'
/// locked buffer, so one instance serves every thread.
final class PreparedKeys: @unchecked Sendable {
    let vault: SymmetricKey
    let raw: SymmetricKey
    let blindIndex: PreparedHMAC
    let researchIDs: PreparedHMAC
    let nonces = NonceSource()

    init(vault: [UInt8], raw: [UInt8], blindIndex: [UInt8], researchIDs: [UInt8]) {
        self.vault = SymmetricKey(data: vault)
        self.raw = SymmetricKey(data: raw)
        self.blindIndex = PreparedHMAC(key: blindIndex)
        self.researchIDs = PreparedHMAC(key: researchIDs)
    }
}
