import Foundation

/// Extracts CircleCI's message from an error body, leniently.
///
/// Bodies are `{"message": …}` on most endpoints, `{"error": …}` on Policy and
/// OIDC ones, and sometimes plain text (`Rate limited.`), `{}` or an HTML page.
enum ServerMessage {
    /// The longest message kept, in characters.
    static let limit = 300

    /// The message in `body`, trimmed and shortened, or `nil` when there is none.
    static func extract(from body: Data) -> String? {
        if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] {
            for key in ["message", "error"] {
                if let text = object[key] as? String, let trimmed = shorten(text) {
                    return trimmed
                }
            }
            return nil
        }
        let text = String(decoding: body.prefix(64 * 1024), as: UTF8.self)
        if looksLikeHTML(text) {
            return htmlTitle(text).map { "HTML page: \($0)" } ?? "HTML page"
        }
        return shorten(text)
    }

    /// Whether the text starts like an HTML document.
    static func looksLikeHTML(_ text: String) -> Bool {
        let head = text.drop { $0.isWhitespace }.prefix(15).lowercased()
        return head.hasPrefix("<!doctype") || head.hasPrefix("<html") || head.hasPrefix("<head")
            || head.hasPrefix("<body")
    }

    private static func htmlTitle(_ text: String) -> String? {
        guard let open = text.range(of: "<title>", options: .caseInsensitive),
            let close = text.range(of: "</title>", options: .caseInsensitive, range: open.upperBound..<text.endIndex)
        else { return nil }
        return shorten(String(text[open.upperBound..<close.lowerBound]))
    }

    private static func shorten(_ text: String) -> String? {
        let collapsed = text.split(whereSeparator: \.isNewline).joined(separator: " ")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard !collapsed.isEmpty else { return nil }
        return collapsed.count > limit ? String(collapsed.prefix(limit)) + "…" : collapsed
    }
}
