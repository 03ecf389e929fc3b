internal import JSONCore

/// Text from CircleCI (commit messages, branch names, step output) made safe
/// to show on a terminal: characters that could move the cursor, recolour,
/// retitle the window, write the clipboard, break a row or reorder a line are
/// shown as cq string escapes instead of reaching the terminal raw.
///
/// Escaped: every C0 control (`\0`, `\t`, `\n`, `\r`, and `\u{1b}` that starts
/// CSI and OSC sequences …), DEL and the C1 controls (`\u{7f}`, `\u{9b}` …),
/// the line and paragraph separators U+2028 and U+2029, the bidirectional
/// controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069, and the
/// deprecated U+206A–U+206F) and the interlinear annotation characters
/// U+FFF9–U+FFFB. Everything else, zero-width joiners of emoji included, is
/// shown as is. Backslashes are not doubled: escaped text is for reading, and
/// JSON is the exact form.
public enum TerminalText {
    /// `text` on one line, every character that must not reach a terminal raw
    /// written as an escape: `"a\r\nb"` shows as `a\r\nb`.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isEscaped) else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if isEscaped(scalar) {
                output += escape(scalar)
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// `text` split into its lines, each ``escaped(_:)``: a line ends at `\n`
    /// or `\r\n`; a lone `\r` (a progress bar redrawing itself) is shown as
    /// `\r` within its line. A final line break does not start an empty line.
    public static func escapedLines(_ text: String) -> [String] {
        var lines: [String] = []
        var line = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if line.last == "\r" { line.removeLast() }
                lines.append(escaped(String(line)))
                line = String.UnicodeScalarView()
            } else {
                line.append(scalar)
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(escaped(String(line))) }
        return lines
    }

    /// Whether `scalar` is shown escaped.
    public static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
        // One definition for tables and JSON (which escapes the same scalars).
        JSONWriter.isEscapedForTerminals(scalar)
    }

    /// The escape shown for `scalar`: `\n`, `\r`, `\t`, `\0`, otherwise
    /// `\u{…}` in lower-case hexadecimal, as a cq string literal writes it.
    public static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": "\\n"
        case "\r": "\\r"
        case "\t": "\\t"
        case "\0": "\\0"
        default: "\\u{" + String(scalar.value, radix: 16) + "}"
        }
    }
}
