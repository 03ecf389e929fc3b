import Foundation

/// Checks IDs the API requires to be UUIDs, so a typo fails with a clear
/// message instead of a confusing 404.
enum Identifier {
    /// Returns `text` trimmed if it is a UUID, otherwise throws.
    static func uuid(_ text: String, name: String, operationID: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard UUID(uuidString: trimmed) != nil else {
            throw CircleCIError.invalidArgument(
                "\(name) `\(trimmed)` is not a UUID (expected e.g. 5034460f-c7c4-4c43-9457-de07e2029e7b)",
                operationID: operationID)
        }
        return trimmed.lowercased()
    }

    /// Checks a positive number such as a job or pipeline number.
    static func number(_ value: Int, name: String, operationID: String) throws -> Int {
        guard value > 0 else {
            throw CircleCIError.invalidArgument("\(name) must be a positive number, not \(value)", operationID: operationID)
        }
        return value
    }
}
