import CQ
import Foundation
import Testing

/// Every output format on values that could corrupt a terminal or a file,
/// wide text and rates, compared with golden files in `Tests/Golden/Rendering/`
/// (`<sample>.<format>.txt`). `RECORD_SNAPSHOTS=1` rewrites them.
struct OutputGoldenTests {
    /// Control characters as CircleCI data carries them: a CRLF log, a progress
    /// bar redrawn with `\r`, colours, OSC 8 links, OSC 52 clipboard writes, a
    /// window title, BEL, tabs, DEL and C1, a right-to-left override, and a
    /// field name with an escape in it.
    static let controlCharacters: Value = .list([
        .record([
            ("step", .string("npm test")),
            ("output", .string("> jest\r\n\u{1b}[32mPASS\u{1b}[0m src/a.test.js\r\nprogress 50%\r100%\r\n")),
        ]),
        .record([
            ("step", .string("link\u{1b}]8;;https://evil.example\u{7}click\u{1b}]8;;\u{7}")),
            ("output", .string("\u{1b}]52;c;cm0gLXJmIH4=\u{7}copied\u{1b}]0;title\u{7}")),
        ]),
        .record([
            ("step", .string("tab\there, bell\u{7}, del\u{7f}, c1\u{9b}2J")),
            ("output", .string("invoice_\u{202e}fdp.exe, \"quoted\", a,b")),
        ]),
        .record([("step\u{1b}[2J", .string("name with an escape")), ("output", .null)]),
    ])

    /// CJK, fullwidth, emoji (ZWJ, flags, VS16, skin tones) and combining marks.
    static let wideText: Value = .list([
        .record([("branch", .string("feature/日本語のブランチ名")), ("author", .string("山田太郎")), ("n", .int(1))]),
        .record([("branch", .string("fix/👩‍💻-🇫🇷-❤️-👍🏽")), ("author", .string("Zoë")), ("n", .int(22))]),
        .record([("branch", .string("cafe\u{301}/naïve/Ｆｕｌｌ")), ("author", .string("한국어")), ("n", .int(333))]),
        .record([("branch", .string("main")), ("author", .string("bot")), ("n", .int(4444))]),
    ])

    /// Rates, ratios and binary noise next to integers and durations.
    static let rates: Value = .list([
        .record([("name", .string("build")), ("success_rate", .double(15.0 / 19.0)), ("runs", .int(19)), ("p95", .double(889.3499999999999))]),
        .record([("name", .string("deploy")), ("success_rate", .double(1)), ("runs", .int(3)), ("p95", .double(0.000123456))]),
        .record([("name", .string("lint")), ("success_rate", .double(2.0 / 3.0)), ("runs", .int(120)), ("p95", .double(12345.6789))]),
    ])

    /// What `job(…) | logs | map output` gives: step output as CircleCI
    /// returns it (CRLF lines, colours, a progress bar), a step without output.
    static let stepOutput: Value = .list([
        .string("#!/bin/bash -eo pipefail\r\nnpm test\r\n\u{1b}[32m✓\u{1b}[0m 42 passed\r\n"),
        .string("Downloading 10%\r50%\r100%\r\ndone, 日本語 ok\r\n"),
        .null,
        .string(""),
    ])

    static let samples: [(String, Value)] = [
        ("control-characters", controlCharacters), ("wide-text", wideText), ("rates", rates), ("step-output", stepOutput),
    ]

    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Golden/Rendering")

    static func render(_ value: Value, as format: OutputFormat, width: Int? = nil) async throws -> String {
        let sink = StringSink()
        try await Renderer(format: format, width: width).render(.value(value), to: sink)
        return await sink.text
    }

    @Test(arguments: ["control-characters", "wide-text", "rates", "step-output"], OutputFormat.allCases)
    func golden(_ sample: String, _ format: OutputFormat) async throws {
        let value = try #require(Self.samples.first { $0.0 == sample }?.1)
        let rendered = try await Self.render(value, as: format, width: 80)
        let file = Self.golden.appendingPathComponent("\(sample).\(format.rawValue).txt")
        let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
        guard !recording, let expected = try? String(contentsOf: file, encoding: .utf8) else {
            try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
            try rendered.write(to: file, atomically: true, encoding: .utf8)
            if !recording { Issue.record("golden file \(file.lastPathComponent) was missing; recorded it") }
            return
        }
        #expect(rendered == expected, "\n\(rendered)")
    }

    /// Table and vertical output hold no character that drives a terminal:
    /// only the line feeds that end their lines.
    @Test(arguments: [OutputFormat.table, .vertical], [80, 30])
    func peopleFormatsNeverWriteControlCharacters(_ format: OutputFormat, _ width: Int) async throws {
        for sample in [Self.controlCharacters, Self.stepOutput] {
            let rendered = try await Self.render(sample, as: format, width: width)
            #expect(!rendered.unicodeScalars.contains { $0 != "\n" && TerminalText.isEscaped($0) }, "\(rendered)")
        }
    }

    /// Each row of a table is one line, every line fits the width, and the
    /// columns line up in terminal columns, whatever the characters.
    @Test(arguments: [200, 60, 40, 24])
    func tablesAlignAndFitInColumns(_ width: Int) async throws {
        for sample in [Self.controlCharacters, Self.wideText] {
            let rendered = try await Self.render(sample, as: .table, width: width)
            let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
            #expect(lines.count == (sample.listValue?.count ?? 0) + 3, "\(rendered)")
            for line in lines.dropLast() {
                #expect(DisplayWidth.columns(line) <= width, "\(line)")
            }
            // Every column starts at the same terminal column on every line: where the rule has its gaps.
            let rule = lines[1]
            let starts = Self.columnStarts(rule)
            for line in lines.dropFirst(2).dropLast() {
                for start in starts.dropFirst() where DisplayWidth.columns(line) > start {
                    let before = DisplayWidth.prefix(of: line, fitting: start)
                    #expect(before.columns == start, "a wide character straddles column \(start): \(line)")
                    #expect(before.text.hasSuffix("  "), "\(line)")
                }
            }
        }
    }

    /// Terminal columns at which the rule's `─` runs begin.
    private static func columnStarts(_ rule: String) -> [Int] {
        var starts: [Int] = []
        var previous: Character = " "
        for (column, character) in rule.enumerated() {
            if character == "─", previous == " " { starts.append(column) }
            previous = character
        }
        return starts
    }

    @Test(arguments: [
        (15.0 / 19.0, "0.789"), (889.3499999999999, "889.35"), (0.000123456, "0.000123"), (0.05, "0.05"),
        (12345.6789, "12345.679"), (-2.0 / 3.0, "-0.667"), (1.0, "1"), (0.9999, "1"), (-0.0001, "-0.0001"),
        (1e-12, "1e-12"), (2.5e20, "2.5e+20"), (0.1, "0.1"), (42.5, "42.5"),
    ])
    func roundedNumbers(_ double: Double, _ text: String) {
        #expect(Value.roundedNumberText(double) == text)
    }

    @Test func singleValuesInATable() async throws {
        #expect(try await Self.render(.double(15.0 / 19.0), as: .table) == "0.789\n")
        #expect(try await Self.render(.double(15.0 / 19.0), as: .json) == "0.7894736842105263\n")
        #expect(try await Self.render(.string("a\r\nb\u{1b}[2Jc\n"), as: .table) == "a\n" + #"b\u{1b}[2Jc"# + "\n")
        #expect(try await Self.render(.string("a\r\nb\u{1b}[2Jc\n"), as: .raw) == "a\r\nb\u{1b}[2Jc\n\n")
    }

    @Test func rawWritesEachRowAsStringWould() async throws {
        let value: Value = .list([
            .string("verbatim\r\u{1b}[1m"), .int(3), .double(0.5), .null, .bool(true),
            .list([.string("a"), .int(1)]), .record([("k", .string("v\u{1b}"))]),
        ])
        #expect(try await Self.render(value, as: .raw) == "verbatim\r\u{1b}[1m\n3\n0.5\nnull\ntrue\n[\"a\",1]\n{\"k\":\"v\\u001b\"}\n")
    }
}
