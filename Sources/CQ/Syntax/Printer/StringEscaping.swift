/// How string literals are written back as source text.
enum StringEscaping {
    /// `text` as a `"…"` literal with `\"`, `\\`, `\n`, `\t`, `\r`, `\0` and
    /// `\u{…}` escapes for other control characters.
    static func quoted(_ text: String) -> String {
        "\"" + escaped(text) + "\""
    }

    /// `text` as a `'…'` raw literal, when that reads better and is possible:
    /// it contains a backslash (a regular expression, a Windows path) and no
    /// `'` or control characters.
    static func rawQuoted(_ text: String) -> String? {
        guard text.contains("\\"), !text.contains("'"),
            !text.unicodeScalars.contains(where: isControl)
        else { return nil }
        return "'" + text + "'"
    }

    /// The best literal for `text`: raw when it has backslashes, quoted otherwise.
    static func literal(_ text: String) -> String {
        rawQuoted(text) ?? quoted(text)
    }

    /// The inside of a `"…"` literal for `text`.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\0": result += "\\0"
            case _ where isControl(scalar):
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F
            || (0x80..<0xA0).contains(scalar.value)
            || scalar.properties.generalCategory == .lineSeparator
            || scalar.properties.generalCategory == .paragraphSeparator
    }
}
