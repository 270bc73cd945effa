import Crypto
import Foundation

/// AES-256-GCM encryption of single fields. The context (table, column and row key) is authenticated
/// as associated data, so a ciphertext moved to another row or column fails to open.
struct FieldCipher: Sendable {
    private let keys: PreparedKeys
    private let isVault: Bool

    /// The cipher of the vault's identity fields or of raw source data.
    init(_ keys: KeyRing, vault: Bool) {
        self.keys = keys.prepared
        isVault = vault
    }

    private var key: SymmetricKey { isVault ? keys.vault : keys.raw }

    /// nonce (12) ‖ ciphertext ‖ tag (16).
    func seal(_ plaintext: String, context: String) -> Data {
        seal(Data(plaintext.utf8), context: context)
    }

    func seal(_ plaintext: Data, context: String) -> Data {
        // A random 96-bit nonce per field; with far fewer than 2^32 seals per key the collision risk is negligible.
        let box = try! AES.GCM.seal(plaintext, using: key, nonce: keys.nonces.next(), authenticating: Data(context.utf8))
        return box.combined!
    }

    func open(_ sealed: Data, context: String) throws(StoreError) -> Data {
        do {
            let box = try AES.GCM.SealedBox(combined: sealed)
            return try AES.GCM.open(box, using: key, authenticating: Data(context.utf8))
        } catch {
            throw .sealedDataDamaged(context)
        }
    }

    func openText(_ sealed: Data, context: String) throws(StoreError) -> String {
        String(decoding: try open(sealed, context: context), as: UTF8.self)
    }
}
