import Foundation

/// Removes a secret, and the forms it takes on the wire, from text meant for people.
///
/// The client redacts every ``CircleCIError`` it throws with its configuration's
/// ``CircleCIConfiguration/redactor``, whatever the text came from: a server
/// body echoing the token (for any status), a URL, an underlying error. Hosts
/// that print or log other text (a CLI's messages, a REPL's history) use the
/// same value.
///
/// Besides the token itself it replaces its percent-encoded forms and the base64
/// of `token:` and `token` (HTTP Basic credentials), with and without padding.
/// A secret shorter than ``minimumLength`` is not redacted: replacing every
/// occurrence of two or three characters would garble every message while
/// hiding nothing a real token is made of.
public struct TokenRedactor: Sendable, Equatable {
    /// What replaces each occurrence.
    public static let placeholder = "<redacted>"
    /// The shortest secret that is redacted.
    public static let minimumLength = 6

    /// A redactor that changes nothing.
    public static let none = TokenRedactor(secrets: [])

    /// The strings replaced, longest first (so a longer form is never left half-replaced).
    let forms: [String]

    /// Creates a redactor for `token` (`nil` or empty: a redactor that changes nothing).
    public init(token: String?) {
        self.init(secrets: token.map { [$0] } ?? [])
    }

    /// Creates a redactor for several secrets.
    public init(secrets: [String]) {
        var forms = Set<String>()
        for secret in secrets where secret.count >= Self.minimumLength {
            forms.insert(secret)
            for allowed in [CharacterSet.alphanumerics, .urlQueryAllowed, .urlPathAllowed] {
                if let encoded = secret.addingPercentEncoding(withAllowedCharacters: allowed) { forms.insert(encoded) }
            }
            for plain in [secret + ":", secret] {
                let base64 = Data(plain.utf8).base64EncodedString()
                forms.insert(base64)
                forms.insert(String(base64.prefix { $0 != "=" }))
            }
        }
        self.forms = forms.filter { $0.count >= Self.minimumLength }.sorted { ($0.count, $0) > ($1.count, $1) }
    }

    /// Whether there is anything to redact.
    public var isEmpty: Bool { forms.isEmpty }

    /// `text` with every form of the secret replaced by ``placeholder``.
    public func redact(_ text: String) -> String {
        guard !forms.isEmpty else { return text }
        var text = text
        for form in forms where text.contains(form) {
            text = text.replacingOccurrences(of: form, with: Self.placeholder)
        }
        return text
    }

    /// Whether `text` holds any form of the secret.
    public func appears(in text: String) -> Bool {
        forms.contains { text.contains($0) }
    }
}

extension TokenRedactor: CustomStringConvertible, CustomReflectable {
    /// How many forms it redacts; never the secret.
    public var description: String { "TokenRedactor(\(forms.count) forms)" }

    /// A mirror without the secret.
    public var customMirror: Mirror { Mirror(self, children: ["forms": forms.count]) }
}

extension CircleCIConfiguration {
    /// Redacts this configuration's ``token`` from text.
    public var redactor: TokenRedactor { TokenRedactor(token: token) }
}
