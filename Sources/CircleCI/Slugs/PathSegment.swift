import Foundation

/// Percent-encoding for URL path segments and query components.
enum PathSegment {
    /// RFC 3986 unreserved characters: the only ones left as they are in a segment.
    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// Unreserved characters plus `:`, so RFC 3339 dates stay readable in a query.
    private static let queryValue = unreserved.union(CharacterSet(charactersIn: ":"))

    /// Encodes one path segment: everything but unreserved characters, `/` included.
    static func encode(_ segment: String) -> String {
        segment.addingPercentEncoding(withAllowedCharacters: unreserved) ?? segment
    }

    /// Encodes a query name or value: `/`, `+`, `&`, `=`, spaces and the rest
    /// become `%XX`; `:` stays.
    static func encodeQuery(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: queryValue) ?? text
    }

    /// Encodes a query string from items, in order; an item without a value is sent as `name=`.
    static func query(_ items: [URLQueryItem]) -> String {
        items.map { "\(encodeQuery($0.name))=\(encodeQuery($0.value ?? ""))" }.joined(separator: "&")
    }
}
