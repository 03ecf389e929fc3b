import Foundation

/// A coding key for payloads that spell a field in snake_case or kebab-case.
struct FlexibleKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        nil
    }

    /// The kebab-case spelling of a snake_case name.
    var kebab: FlexibleKey {
        FlexibleKey(stringValue: stringValue.replacingOccurrences(of: "_", with: "-"))
    }
}

extension KeyedDecodingContainer where Key == FlexibleKey {
    /// Decodes the snake_case key, or its kebab-case spelling when absent.
    func decodeEither<T: Decodable>(_ type: T.Type, _ snake: String) throws -> T {
        let key = FlexibleKey(stringValue: snake)
        if contains(key) || !contains(key.kebab) {
            return try decode(type, forKey: key)
        }
        return try decode(type, forKey: key.kebab)
    }

    /// Decodes the snake_case or kebab-case key if either is present and not `null`.
    func decodeEitherIfPresent<T: Decodable>(_ type: T.Type, _ snake: String) throws -> T? {
        let key = FlexibleKey(stringValue: snake)
        return try decodeIfPresent(type, forKey: key) ?? decodeIfPresent(type, forKey: key.kebab)
    }
}
