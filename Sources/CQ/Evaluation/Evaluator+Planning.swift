import Foundation

extension Evaluator {
    /// The input up to its first row older than the stop's bound: the rest of
    /// a newest-first list cannot pass the `where` the stop comes from.
    func stopPaging(_ input: PipelineData, at stop: PagingStop, in scope: Scope) async throws -> PipelineData {
        guard input.isSequence, let bound = Self.date(try await value(of: stop.bound, in: scope)) else { return input }
        let field = stop.field
        let inclusive = stop.inclusive
        return .stream(input.rows.prefix(while: { row in
            guard let date = Self.date(Self.value(at: field, of: row)) else { return true }
            return inclusive ? date >= bound : date > bound
        }))
    }

    /// A timestamp, or a string that is one.
    private static func date(_ value: Value?) -> Date? {
        switch value {
        case .timestamp(let date)?: date
        case .string(let text)?: Timestamp.parse(text)
        default: nil
        }
    }

    private static func value(at path: [String], of row: Value) -> Value? {
        var current = row
        for name in path {
            guard case .record(let record) = current, let next = record[name] else { return nil }
            current = next
        }
        return current
    }
}
