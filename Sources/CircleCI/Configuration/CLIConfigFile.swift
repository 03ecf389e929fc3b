import Foundation

/// The top-level scalars of the official `circleci` CLI's `~/.circleci/cli.yml`.
///
/// The CLI writes flat `key: value` lines (`host`, `token`, `endpoint`, …).
/// This reader understands exactly that: top-level keys, plain, single- or
/// double-quoted values, and `#` comments. Nested blocks and lists are skipped.
struct CLIConfigFile: Equatable {
    /// The top-level scalar values by key.
    var values: [String: String]

    /// Parses the text of a `cli.yml`.
    init(parsing text: String) {
        var values: [String: String] = [:]
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline) {
            let line = String(rawLine)
            guard let first = line.first, !first.isWhitespace, first != "#", first != "-",
                let colon = line.firstIndex(of: ":")
            else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            let rest = line[line.index(after: colon)...]
            guard !key.isEmpty, rest.isEmpty || rest.first?.isWhitespace == true,
                let value = Self.scalar(String(rest))
            else { continue }
            values[key] = value
        }
        self.values = values
    }

    /// The value of `key`, or `nil` when absent or empty.
    subscript(key: String) -> String? {
        values[key].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A scalar after `key:`, without quotes or a trailing comment; `nil` for
    /// the start of a nested block.
    private static func scalar(_ text: String) -> String? {
        let text = text.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("\"") {
            return doubleQuoted(text.dropFirst())
        }
        if text.hasPrefix("'") {
            return singleQuoted(text.dropFirst())
        }
        var plain = text
        if let comment = plain.range(of: " #") ?? plain.range(of: "\t#") {
            plain = String(plain[..<comment.lowerBound])
        } else if plain.hasPrefix("#") {
            plain = ""
        }
        plain = plain.trimmingCharacters(in: .whitespaces)
        switch plain {
        case "|", ">": return nil
        case "~", "null": return ""
        default: return plain
        }
    }

    private static func doubleQuoted(_ text: Substring) -> String? {
        var result = ""
        var escaped = false
        for character in text {
            if escaped {
                switch character {
                case "n": result.append("\n")
                case "t": result.append("\t")
                default: result.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                return result
            } else {
                result.append(character)
            }
        }
        return nil
    }

    private static func singleQuoted(_ text: Substring) -> String? {
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let after = text.index(after: index)
            if character == "'" {
                guard after < text.endIndex, text[after] == "'" else { return result }
                result.append("'")
                index = text.index(after: after)
            } else {
                result.append(character)
                index = after
            }
        }
        return nil
    }
}
