/// Which entries may be remembered and written to the history file.
enum HistoryPolicy {
    /// False for blank entries, entries starting with a space (as with bash's
    /// `HISTCONTROL=ignorespace`, a way to keep one entry out on purpose),
    /// entries that contain one of `secrets` (the host's token, see
    /// ``HistorySecrets``), and entries that look like they hold a secret.
    static func shouldRecord(_ entry: String, secrets: [String] = HistorySecrets.current) -> Bool {
        guard !entry.allSatisfy(\.isWhitespace), entry.first != " " else { return false }
        guard !secrets.contains(where: { entry.contains($0) }) else { return false }
        return !SecretDetector.containsSecret(entry)
    }
}

/// Recognises text that probably contains a credential.
///
/// It errs on the side of caution: a 40-digit commit SHA looks exactly like a
/// CircleCI personal token, so an entry containing one is not saved either. One
/// pass over the UTF-8 bytes without allocating, since the whole history file is
/// checked before the first prompt.
enum SecretDetector {
    /// CircleCI personal tokens are 40 hex digits; longer hex runs are keys too.
    static let minimumHexRun = 40
    /// A value after a keyword must be at least this long to count.
    static let minimumValueLength = 6

    /// True if `text` looks like it contains a credential.
    static func containsSecret(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var hexRun = 0
            for index in bytes.indices {
                hexRun = isHexDigit(bytes[index]) ? hexRun + 1 : 0
                if hexRun >= minimumHexRun || secretStarts(at: index, in: bytes) { return true }
            }
            return false
        }
    }

    /// Whether a known secret shape starts at `index`: a token prefix
    /// (CircleCI personal and project tokens, GitHub; case-sensitive, then at
    /// least 8 token characters), the `Circle-Token` header, or a keyword such as
    /// `token` or `password` (also inside names like `CIRCLE_TOKEN`) with a value.
    private static func secretStarts(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func token(after prefix: StaticString) -> Bool {
            matches(prefix, at: index, in: bytes, ignoringCase: false)
                && count(from: index + prefix.utf8CodeUnitCount, in: bytes, while: isWordByte) >= 8
        }
        func keyword(_ word: StaticString, bare: Bool = false) -> Bool {
            matches(word, at: index, in: bytes, ignoringCase: true)
                && valueFollows(at: index + word.utf8CodeUnitCount, in: bytes, bare: bare)
        }
        // Dispatch on the first letter (lower-cased) so only a few words are tried.
        switch bytes[index] | 0x20 {
        case UInt8(ascii: "c"):
            return token(after: "CCIPAT_") || token(after: "CCIPRJ_")
                || matches("circle-token", at: index, in: bytes, ignoringCase: true)
        case UInt8(ascii: "g"):
            return token(after: "ghp_") || token(after: "gho_") || token(after: "ghu_") || token(after: "ghs_")
                || token(after: "github_pat_")
        case UInt8(ascii: "t"):
            return keyword("token")
        case UInt8(ascii: "s"):
            return keyword("secret")
        case UInt8(ascii: "p"):
            return keyword("password") || keyword("passwd")
        case UInt8(ascii: "a"):
            return keyword("apikey") || keyword("api_key") || keyword("api-key")
        case UInt8(ascii: "b"):
            return keyword("bearer", bare: true)
        default:
            return false
        }
    }

    /// After a keyword (and the rest of its name): an optional closing quote,
    /// `=`, `:` or `==`, an optional opening quote, then a long enough value.
    /// Without a separator the value must be quoted, unless `bare`.
    private static func valueFollows(at start: Int, in bytes: UnsafeBufferPointer<UInt8>, bare: Bool) -> Bool {
        var index = start + count(from: start, in: bytes, while: isWordByte)
        index += count(from: index, in: bytes, while: isQuote)
        index += count(from: index, in: bytes, while: isBlank)
        var separated = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "=") || bytes[index] == UInt8(ascii: ":") {
            separated = true
            index += 1
            index += count(from: index, in: bytes) { $0 == UInt8(ascii: "=") }
            index += count(from: index, in: bytes, while: isBlank)
        }
        let quoted = index < bytes.count && isQuote(bytes[index])
        guard separated || quoted || bare else { return false }
        if quoted { index += 1 }
        let length = count(from: index, in: bytes) { !isBlank($0) && !isQuote($0) && !isDelimiter($0) }
        return length >= minimumValueLength
    }

    private static func matches(
        _ needle: StaticString, at index: Int, in bytes: UnsafeBufferPointer<UInt8>, ignoringCase: Bool
    ) -> Bool {
        let length = needle.utf8CodeUnitCount
        guard index + length <= bytes.count else { return false }
        let expected = needle.utf8Start
        for offset in 0..<length {
            var byte = bytes[index + offset]
            if ignoringCase, byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { byte |= 0x20 }
            if byte != expected[offset] { return false }
        }
        return true
    }

    private static func count(
        from start: Int, in bytes: UnsafeBufferPointer<UInt8>, while predicate: (UInt8) -> Bool
    ) -> Int {
        var index = start
        while index < bytes.count, predicate(bytes[index]) { index += 1 }
        return index - start
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f"))
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_")
    }

    private static func isQuote(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") }
    private static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
    private static func isDelimiter(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ")") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}")
            || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "\n")
    }
}
