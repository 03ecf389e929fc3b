/// Which entries may be remembered and written to the history file.
enum HistoryPolicy {
    /// False for blank entries, entries starting with a space (as with bash's
    /// `HISTCONTROL=ignorespace`, a way to keep one entry out on purpose), and
    /// entries that look like they hold a secret.
    static func shouldRecord(_ entry: String) -> Bool {
        guard !entry.allSatisfy(\.isWhitespace), entry.first != " " else { return false }
        return !SecretDetector.containsSecret(entry)
    }
}

/// Recognises text that probably contains a credential.
///
/// It errs on the side of caution: a 40-digit commit SHA looks exactly like a
/// CircleCI personal token, so an entry containing one is not saved either.
enum SecretDetector {
    /// CircleCI personal tokens are 40 hex digits; longer hex runs are keys too.
    static let minimumHexRun = 40
    /// Prefixes of well-known token formats (CircleCI personal and project tokens, GitHub).
    static let tokenPrefixes = ["CCIPAT_", "CCIPRJ_", "ghp_", "gho_", "ghu_", "ghs_", "github_pat_"]
    /// Words that, followed by `=`, `:` or a quoted string, introduce a secret value.
    static let keywords = ["token", "secret", "password", "passwd", "apikey", "api_key", "api-key", "bearer"]
    /// A value after a keyword must be at least this long to count.
    static let minimumValueLength = 6

    /// True if `text` looks like it contains a credential.
    static func containsSecret(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        let lowered = Array(text.lowercased().utf8)
        return hasLongHexRun(bytes)
            || tokenPrefixes.contains { hasPrefixedToken(bytes, prefix: Array($0.utf8)) }
            || !occurrences(of: Array("circle-token".utf8), in: lowered).isEmpty
            || keywords.contains { hasAssignedValue(lowered, keyword: Array($0.utf8)) }
    }

    private static func hasLongHexRun(_ bytes: [UInt8]) -> Bool {
        var run = 0
        for byte in bytes {
            run = isHexDigit(byte) ? run + 1 : 0
            if run >= minimumHexRun { return true }
        }
        return false
    }

    private static func hasPrefixedToken(_ bytes: [UInt8], prefix: [UInt8]) -> Bool {
        occurrences(of: prefix, in: bytes).contains { start in
            bytes[(start + prefix.count)...].prefix(while: isWordByte).count >= 8
        }
    }

    /// `keyword` (possibly inside a longer name such as `circle_token`) followed by
    /// `=`, `:`, `==` or a quote, and then a value of some length.
    private static func hasAssignedValue(_ bytes: [UInt8], keyword: [UInt8]) -> Bool {
        occurrences(of: keyword, in: bytes).contains { start in
            var index = start + keyword.count
            func skip(_ predicate: (UInt8) -> Bool) {
                while index < bytes.count, predicate(bytes[index]) { index += 1 }
            }
            skip(isWordByte)
            skip(isQuote)
            skip(isBlank)
            var separated = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "=") || bytes[index] == UInt8(ascii: ":") {
                separated = true
                index += 1
                skip { $0 == UInt8(ascii: "=") }
                skip(isBlank)
            }
            let quoted = index < bytes.count && isQuote(bytes[index])
            guard separated || quoted || keyword == Array("bearer".utf8) else { return false }
            if quoted { index += 1 }
            let valueLength = bytes[index...].prefix { !isBlank($0) && !isQuote($0) && !isDelimiter($0) }.count
            return valueLength >= minimumValueLength
        }
    }

    private static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        guard !needle.isEmpty, haystack.count >= needle.count else { return [] }
        return (0...(haystack.count - needle.count)).filter { start in
            haystack[start..<(start + needle.count)].elementsEqual(needle)
        }
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || byte == UInt8(ascii: "_")
    }

    private static func isQuote(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") }
    private static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
    private static func isDelimiter(_ byte: UInt8) -> Bool {
        [UInt8(ascii: ")"), UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: ";"), UInt8(ascii: "\n")].contains(byte)
    }
}
