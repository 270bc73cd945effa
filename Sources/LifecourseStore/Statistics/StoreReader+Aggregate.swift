import GRDB

/// A value of an aggregate query's result.
public enum AggregateValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    public var text: String? {
        switch self {
        case .null: nil
        case .integer(let value): String(value)
        case .real(let value): String(value)
        case .text(let value): value
        }
    }

    public var double: Double? {
        switch self {
        case .null: nil
        case .integer(let value): Double(value)
        case .real(let value): value
        case .text(let value): Double(value)
        }
    }
}

extension StoreReader {
    /// Runs an aggregate query over the research zone, written by the statistics engine in the SQL that SQLite and
    /// PostgreSQL share (`WITH`, window functions, `COUNT(DISTINCT …)`, `substr`, `CASE`), with `?` placeholders.
    /// Only the research zone may be read: a query naming the vault or the governance zone is refused, so that no
    /// table can be computed from identities.
    public func aggregate(_ sql: String, arguments: [AggregateValue]) throws -> [[AggregateValue]] {
        let lowered = sql.lowercased()
        guard !lowered.contains("vault."), !lowered.contains("governance."), !lowered.contains("main."),
              lowered.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("with")
                || lowered.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("select") else {
            throw StoreError.refusedQuery("an aggregate query reads the research zone only, with one SELECT")
        }
        let values: [(any DatabaseValueConvertible)?] = arguments.map { argument in
            switch argument {
            case .null: nil
            case .integer(let value): value
            case .real(let value): value
            case .text(let value): value
            }
        }
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(values))
        var rows = [[AggregateValue]]()
        while let row = try cursor.next() {
            rows.append(row.databaseValues.map { value in
                switch value.storage {
                case .null: .null
                case .int64(let number): .integer(number)
                case .double(let number): .real(number)
                case .string(let text): .text(text)
                case .blob: .null
                }
            })
        }
        return rows
    }
}
