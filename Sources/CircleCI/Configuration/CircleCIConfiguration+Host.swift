import Foundation

extension CircleCIConfiguration {
    /// Parses a host as a user types it and checks it.
    static func parseHost(_ text: String) throws -> URL {
        var text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            throw CircleCIError.invalidConfiguration("the CircleCI host is empty; use e.g. https://circleci.com")
        }
        if !text.contains("://") {
            text = "https://" + text
        }
        guard let url = URL(string: text), url.host != nil, url.query == nil, url.fragment == nil else {
            throw CircleCIError.invalidConfiguration("host `\(text)` is not a URL such as https://circleci.com")
        }
        let normalized = normalized(url)
        try CircleCIConfiguration(host: normalized).validate()
        return normalized
    }

    /// `url` without a trailing slash or a trailing `/api/v2` or `/api/v1.1`.
    static func normalized(_ url: URL) -> URL {
        var text = url.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        for suffix in ["/api/v2", "/api/v1.1"] where text.lowercased().hasSuffix(suffix) {
            text.removeLast(suffix.count)
        }
        while text.hasSuffix("/") { text.removeLast() }
        return URL(string: text) ?? url
    }

    /// Whether credentials may travel to this host: any `https` host, or
    /// plain `http` to loopback only.
    static func isSecure(scheme: String, host: String) -> Bool {
        scheme.lowercased() == "https" || isLoopback(host)
    }

    /// Whether `host` is `localhost`, in 127.0.0.0/8, or `::1`.
    static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets[0] == "127" else { return false }
        return octets.allSatisfy { octet in UInt8(octet).map { _ in true } ?? false }
    }
}

extension CircleCIConfiguration: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The host and whether a token is set; never the token.
    public var description: String {
        "CircleCIConfiguration(host: \(host.absoluteString), token: \(token == nil ? "none" : "<redacted>"))"
    }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// A mirror that shows `<redacted>` for the token.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "host": host.absoluteString,
                "token": token == nil ? "none" : "<redacted>",
                "requestTimeout": requestTimeout,
                "deadline": deadline,
                "retryPolicy": retryPolicy,
            ])
    }
}
