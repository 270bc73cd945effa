public import Foundation

/// A specification a user writes as JSON (a release, a statistical table), decoded with each decoding problem
/// named by its place in the file (`dimensions[2].kind`), so that the user sees what to fix.
public enum JSONSpecification {
    /// Why a specification could not be decoded.
    public enum Problem: Error, Sendable, Hashable {
        /// The file cannot be read or is not JSON: the file's path and the reason.
        case unreadable(path: String, reason: String)
        /// A value is missing or of the wrong type: the whole message, starting with the file's path.
        case invalid(String)
    }

    /// Reads `url` as a `T`.
    public static func decode<T: Decodable>(_ type: T.Type, contentsOf url: URL) throws(Problem) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
        } catch let DecodingError.keyNotFound(key, context) {
            throw .invalid("\(url.path): \(path(context.codingPath + [key])) is missing")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw .invalid("\(url.path): \(path(context.codingPath)): \(context.debugDescription)")
        } catch let DecodingError.dataCorrupted(context) {
            throw .invalid("\(url.path): \(path(context.codingPath)): \(context.debugDescription)")
        } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
    }

    /// `tables.person[2]` for a coding path.
    public static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "the file" : keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            .replacingOccurrences(of: ".[", with: "[")
    }
}
