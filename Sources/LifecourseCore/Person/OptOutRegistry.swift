/// Who has opted out (オプトアウト): their data is never provided, in no release and no table. Releases ask it for
/// every person they would include; the governance layer keeps the registry.
public protocol OptOutRegistry: Sendable {
    func isOptedOut(_ person: ResearchID) throws -> Bool
}

/// A registry of the research IDs it was given.
public struct OptOutList: OptOutRegistry {
    public let persons: Set<ResearchID>

    public init(_ persons: Set<ResearchID> = []) {
        self.persons = persons
    }

    public func isOptedOut(_ person: ResearchID) -> Bool { persons.contains(person) }
}
