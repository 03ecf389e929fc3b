import Foundation

extension CircleCIClient {
    /// Any `GET` endpoint of API v2, returning the raw JSON body of a 2xx response.
    ///
    /// The request is authenticated and goes through the same middleware as
    /// the typed calls, so every read operation of the API document is
    /// reachable, e.g. `get("/insights/gh/acme/api/flaky-tests")` or
    /// `get("/organizations/\(orgID)/groups", query: [URLQueryItem(name: "limit", value: "5")])`.
    ///
    /// - Parameters:
    ///   - path: a path below `/api/v2` (a leading `/api/v2` is accepted). Its
    ///     `/` separators are kept; other unsafe characters are percent-encoded,
    ///     and existing `%XX` escapes are kept.
    ///   - query: query items, percent-encoded in order.
    /// - Throws: ``CircleCIError``; ``CircleCIError/Kind/invalidArgument`` for a
    ///   full URL or a path with `?` or `#` (pass the query separately).
    public func get(_ path: String, query: [URLQueryItem] = []) async throws -> Data {
        var path = path.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !path.contains("://"), !path.contains("?"), !path.contains("#"), !path.contains("..") else {
            throw CircleCIError.invalidArgument(
                "`\(path)` is not a path below /api/v2; pass e.g. \"/me\" and put the query in `query`",
                operationID: "get")
        }
        if !path.hasPrefix("/") { path = "/" + path }
        if path.lowercased().hasPrefix("/api/v2/") { path.removeFirst("/api/v2".count) }
        let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: ";")).union(["%"])
        let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return try await send(APIRequest(operationID: "GET \(path)", path: encoded, query: query, subject: path))
    }
}
