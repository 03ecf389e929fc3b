import CQ
import Testing

/// Terminal columns of text: one shared measure for tables, `vertical`,
/// diagnostics' carets, the progress line and completion columns.
struct DisplayWidthTests {
    @Test(arguments: [
        ("plain ascii", 11),
        ("", 0),
        ("日本語", 6),  // East Asian Wide
        ("ＡＢ", 4),  // Fullwidth
        ("ｱｲ", 2),  // Halfwidth katakana
        ("한국어", 6),  // precomposed Hangul syllables
        ("\u{1100}\u{1161}\u{11A8}", 2),  // conjoining jamo: one syllable
        ("café", 4),
        ("cafe\u{301}", 4),  // combining acute
        ("a\u{20DD}", 1),  // enclosing mark
        ("☕", 2),  // emoji presentation
        ("❤", 1),  // text presentation by default
        ("❤\u{FE0F}", 2),  // VS16 asks for emoji
        ("☕\u{FE0E}", 2),  // VS15 on a wide character stays wide
        ("🇫🇷", 2),  // flag: two regional indicators, one grapheme
        ("👩‍💻", 2),  // ZWJ sequence
        ("👨‍👩‍👧‍👦", 2),  // family: four emoji joined
        ("👍🏽", 2),  // skin tone modifier
        ("1\u{FE0F}\u{20E3}", 2),  // keycap
        ("a\u{200D}b", 2),  // a lone zero-width joiner takes nothing
        ("x\u{200B}y", 2),  // zero-width space
        ("─…", 2),  // East Asian Ambiguous counts one
        ("\u{20000}", 2),  // CJK extension B
    ])
    func columns(_ text: String, _ expected: Int) {
        #expect(DisplayWidth.columns(text) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test(arguments: ["a\rb", "\u{1b}[31mred\u{1b}[0m", "tab\there", "a\r\nb", "\u{7f}\u{9b}", "x\u{202e}y", "日\u{7}本"])
    func controlsCountAsTheirEscapes(_ text: String) {
        #expect(DisplayWidth.columns(text) == DisplayWidth.columns(TerminalText.escaped(text)))
    }

    @Test func truncationNeverSplitsAGraphemeNorHalvesAWideCharacter() {
        #expect(DisplayWidth.truncate("日本語テキスト", to: 6) == "日本…")
        #expect(DisplayWidth.truncate("日本語テキスト", to: 5) == "日本…")
        #expect(DisplayWidth.truncate("ab👩‍💻cd", to: 4) == "ab…")
        #expect(DisplayWidth.truncate("ab👩‍💻cd", to: 5) == "ab👩‍💻…")
        #expect(DisplayWidth.truncate("e\u{301}e\u{301}e\u{301}", to: 2) == "e\u{301}…")
        #expect(DisplayWidth.truncate("🇫🇷🇩🇪", to: 3) == "🇫🇷…")
        #expect(DisplayWidth.truncate("short", to: 5) == "short")
        for width in 1...12 {
            let cut = DisplayWidth.truncate("日本語a🇫🇷é\u{301}テキスト", to: width)
            #expect(DisplayWidth.columns(cut) <= width, "\(cut)")
        }
    }

    @Test func paddingCountsColumns() {
        #expect(DisplayWidth.pad("日本", to: 6) == "日本  ")
        #expect(DisplayWidth.pad("☕", to: 3, right: true) == " ☕")
    }

    @Test func prefixFitsWholeGraphemes() {
        let fitted = DisplayWidth.prefix(of: "a日b", fitting: 2)
        #expect(fitted.text == "a" && fitted.columns == 1)
    }
}
