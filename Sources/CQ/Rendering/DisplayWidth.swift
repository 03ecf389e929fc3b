/// How many terminal columns text takes, independent of the process locale.
///
/// Measured per grapheme (what a user sees as one character), never more than
/// two columns each:
/// - East Asian Wide and Fullwidth characters (`日`, `Ｂ`) take 2; Ambiguous
///   ones (`─`, `…`) take 1, as in every non-CJK locale;
/// - emoji presentation takes 2: `☕`, a character followed by U+FE0F (`❤️`),
///   flags (two regional indicators), keycaps, ZWJ sequences (`👩‍💻`);
/// - combining marks, zero-width joiners and other format characters, variation
///   selectors and Hangul medial vowels and final consonants take 0;
/// - a character ``TerminalText`` escapes takes the width of its escape
///   (`\r` is 2, `\u{1b}` is 6), so measuring text and its escaped form agree.
///
/// The wide ranges are generated from Unicode's `EastAsianWidth` data by
/// `Scripts/generate-east-asian-width.py`; general categories and emoji
/// properties come from the Swift runtime.
public enum DisplayWidth {
    /// The columns `text` takes on a terminal.
    public static func columns(_ text: some StringProtocol) -> Int {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        return text.reduce(0) { $0 + columns(of: $1) }
    }

    /// The columns one grapheme takes: 0, 1 or 2, or the width of its escape.
    public static func columns(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.count == 1, first.value >= 0x20, first.value < 0x7F { return 1 }
        if scalars.contains(where: TerminalText.isEscaped) {
            return scalars.reduce(0) { total, scalar in
                total + (TerminalText.isEscaped(scalar) ? TerminalText.escape(scalar).count : width(of: scalar))
            }
        }
        if isEmojiPresentation(first, in: scalars) { return 2 }
        return Swift.min(2, scalars.reduce(0) { $0 + width(of: $1) })
    }

    /// The longest prefix of `text` made of whole graphemes that fits in
    /// `columns`, and the columns it takes (a wide character that would
    /// straddle the limit is left out, never halved).
    public static func prefix(of text: String, fitting columns: Int) -> (text: String, columns: Int) {
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let width = self.columns(of: text[index])
            guard used + width <= columns else { break }
            used += width
            end = text.index(after: index)
        }
        return (String(text[..<end]), used)
    }

    /// `text` cut to `columns` with a trailing `…` when it is wider; whole
    /// graphemes only. The result may be a column narrower than asked when a
    /// wide character did not fit.
    public static func truncate(_ text: String, to columns: Int) -> String {
        guard self.columns(text) > columns else { return text }
        guard columns > 0 else { return "" }
        return prefix(of: text, fitting: columns - 1).text + "…"
    }

    /// `text` followed (or, when `right`, preceded) by spaces up to `columns`.
    public static func pad(_ text: String, to columns: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: Swift.max(0, columns - self.columns(text)))
        return right ? padding + text : text + padding
    }

    private static func isEmojiPresentation(
        _ first: Unicode.Scalar, in scalars: some Collection<Unicode.Scalar>
    ) -> Bool {
        let properties = first.properties
        if scalars.contains("\u{FE0E}") { return false }
        if properties.isEmojiPresentation { return true }
        // Text-default emoji shown as emoji: U+FE0F, a keycap, or a ZWJ sequence.
        return properties.isEmoji && scalars.contains { $0 == "\u{FE0F}" || $0 == "\u{20E3}" || $0 == "\u{200D}" }
    }

    /// The width of one scalar on its own: 0, 1 or 2.
    static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value < 0x20 ? 0 : 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control, .lineSeparator, .paragraphSeparator: return 0
        default: break
        }
        // Hangul Jungseong and Jongseong join the preceding Choseong.
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }
        return isWide(value) ? 2 : 1
    }

    /// Whether `value` is East Asian Wide or Fullwidth (binary search in ``wideRanges``).
    static func isWide(_ value: UInt32) -> Bool {
        guard value >= 0x1100 else { return false }
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideRanges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
