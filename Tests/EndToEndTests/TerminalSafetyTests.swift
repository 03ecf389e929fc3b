import Foundation
import Testing

/// Output a user can trust: CSV a real reader reads back, `--format raw` for
/// text as it is, tables that escape what would drive the terminal and align
/// wide text, and the colour conventions of no-color.org and force-color.org.
@Suite(.timeLimit(.minutes(3))) struct TerminalSafetyTests {
    /// Every character CSV must take care of, and the ones a terminal must.
    static let trickyRows = #"""
        [
          {text: "x\ry", n: 1, rate: 0.1 + 0.2, flag: true},
          {text: "a\r\nb", n: 2, rate: 15 / 19, flag: false},
          {text: "say \"hi\", then \"bye\"", n: null, rate: null, flag: null},
          {text: "a, b,, c", n: -3, rate: 1e-7, flag: true},
          {text: "multi\nline\n", n: 0, rate: 2.5, flag: false},
          {text: "日本語 👩‍💻 🇫🇷 café ❤️", n: 5, rate: 0.5, flag: true},
          {text: "  padded\t", n: 6, rate: 1, flag: true},
          {text: "\u{1b}[31mred\u{1b}[0m \u{1b}]8;;http://x\u{7}link\u{1b}]8;;\u{7} \u{7f}\u{202e}", n: 7, rate: 0, flag: false},
          {text: "", n: 8, rate: 3, flag: true},
          {text: "=1+1", n: 9, rate: 4, flag: true},
          {text: "\"", n: 10, rate: 5, flag: false},
        ]
        """#

    /// Python's `csv` module reads back exactly the rows NDJSON has: as many
    /// records, the same columns, every string character for character.
    @Test func csvReadsBackWithPythonsCSVModule() async throws {
        let scratch = try ScratchDirectory()
        let csv = try await CQ.run(["--demo", "--format", "csv", "-e", Self.trickyRows])
        let ndjson = try await CQ.run(["--demo", "--format", "ndjson", "-e", Self.trickyRows])
        #expect(csv.status == 0 && ndjson.status == 0, "\(csv)\n\(ndjson)")
        let csvFile = try scratch.write("rows.csv", csv.stdout)
        let ndjsonFile = try scratch.write("rows.ndjson", ndjson.stdout)
        let script = try scratch.write("compare.py", Self.comparison)
        let result = try await CQ.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script, csvFile, ndjsonFile])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "11 records agree\n", "\(result)")
        // RFC 4180: CRLF after every record, quotes around what needs them.
        #expect(csv.stdout.hasPrefix("text,n,rate,flag\r\n\"x\ry\",1,0.30000000000000004,true\r\n\"a\r\nb\",2,"))
        #expect(csv.stdout.contains("\r\n\"\",8,3,true\r\n"), "an empty string is quoted, unlike null")
        #expect(csv.stdout.contains("\r\n\"say \"\"hi\"\", then \"\"bye\"\"\",,,\r\n"))
        #expect(csv.stdout.contains("\r\n\"  padded\t\",6,1,true\r\n"))
    }

    /// Reads the CSV (opened with `newline=""`, as the `csv` docs require) and
    /// the NDJSON, and compares them field by field.
    static let comparison = #"""
        import csv, json, math, sys
        with open(sys.argv[1], newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        with open(sys.argv[2], encoding="utf-8") as f:
            objects = [json.loads(line) for line in f if line.strip()]
        header, records = rows[0], rows[1:]
        assert len(records) == len(objects), f"{len(records)} CSV records, {len(objects)} NDJSON rows"
        for record, obj in zip(records, objects):
            assert header == list(obj.keys()), (header, list(obj.keys()))
            assert len(record) == len(header), record
            for name, field in zip(header, record):
                value = obj[name]
                if value is None:
                    assert field == "", (name, field)
                elif isinstance(value, bool):
                    assert field == ("true" if value else "false"), (name, field)
                elif isinstance(value, (int, float)):
                    assert float(field) == value, (name, field, value)
                else:
                    assert field == value, (name, field, value)
        print(f"{len(records)} records agree")
        """#

    /// `job(…) | logs | map output`, the example of `cq help logs`: CRLF step
    /// output stays on one line per step in a table, and comes out verbatim
    /// with `--format raw`.
    @Test func stepOutputInATableAndRaw() async throws {
        let query = #"pipelines("gh/org/repo") | jobs | where status == "failed" | take 2 | logs | map output"#
        let ndjson = try await CQ.run(["--demo", "--format", "ndjson", "-e", query])
        #expect(ndjson.status == 0, "\(ndjson)")
        let outputs = try ndjson.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8), options: .fragmentsAllowed) as? String)
        }
        #expect(outputs.count >= 2 && outputs.allSatisfy { $0.contains("\r\n") }, "\(ndjson.stdout)")

        let table = try await CQ.run(["--demo", "-e", query])
        #expect(table.status == 0, "\(table)")
        #expect(!table.stdout.contains("\r") && !table.stdout.contains("\u{1b}"), "\(table.stdout)")
        let lines = table.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == outputs.count + 4, "a header, a rule, a line per step, a footer:\n\(table.stdout)")
        #expect(lines.contains { $0.hasSuffix(#"\r\n"#) }, "\(table.stdout)")

        let raw = try await CQ.run(["--demo", "--format", "raw", "-e", query])
        #expect(raw.status == 0, "\(raw)")
        #expect(raw.stdout == outputs.map { $0 + "\n" }.joined())

        let vertical = try await CQ.run(["--demo", "--format", "vertical", "-e", query])
        #expect(!vertical.stdout.contains("\r"), "lines end at CRLF; no CR is left")
        let firstLines = outputs[0].components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(vertical.stdout.contains("value  " + firstLines.joined(separator: "\n       ") + "\n"), "\(vertical.stdout)")
    }

    /// Nothing in table or vertical output, or in an error, reaches the terminal raw.
    @Test(arguments: ["table", "vertical"])
    func controlCharactersAreEscaped(_ format: String) async throws {
        let result = try await CQ.run(["--demo", "--format", format, "-e", Self.trickyRows])
        #expect(result.status == 0, "\(result)")
        let stray = result.stdout.unicodeScalars.filter {
            $0 != "\n" && ($0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}")
        }
        #expect(stray.isEmpty, "\(result.stdout)")
        #expect(result.stdout.contains(#"\u{1b}[31mred\u{1b}[0m \u{1b}]8;;http://x\u{7}link\u{1b}]8;;\u{7} \u{7f}\u{202e}"#))
        if format == "table" {
            #expect(result.stdout.split(separator: "\n").count == 11 + 3, "one line per row:\n\(result.stdout)")
            #expect(result.stdout.contains(#"x\ry"#) && result.stdout.contains(#"a\r\nb"#))
            #expect(result.stdout.contains("0.789"), "rates are rounded in tables")
        }
    }

    @Test func aQueryWithEscapeSequencesIsEchoedEscaped() async throws {
        let result = try await CQ.run(["--demo", "-e", "\"\u{1b}]0;owned\u{7}\" + \u{1b}[2J"])
        #expect(result.status == 65, "\(result)")
        #expect(!result.stderr.contains("\u{1b}") && !result.stderr.contains("\u{7}"), "\(result.stderr)")
        #expect(result.stderr.contains(#""\u{1b}]0;owned\u{7}" + \u{1b}[2J"#), "\(result.stderr)")
    }

    @Test func wideTextAlignsInATable() async throws {
        let result = try await CQ.run(["--demo", "-e", #"[{name: "日本語", n: 1}, {name: "👩‍💻 dev", n: 22}, {name: "ab", n: 333}]"#])
        #expect(result.stdout == """
            name      n
            ──────  ───
            日本語    1
            👩‍💻 dev   22
            ab      333
            (3 rows)

            """)
    }

    @Test func caretUnderTheRightCharacterAfterCJK() async throws {
        let result = try await CQ.run(["--demo", "-e", #"["日本語", "名前"] | where x == 1 @ 2"#])
        #expect(result.status == 65, "\(result)")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        let source = try #require(lines.firstIndex { $0.hasSuffix(#"["日本語", "名前"] | where x == 1 @ 2"#) })
        let caret = lines[source + 1]
        #expect(caret.hasSuffix("^"), "\(result.stderr)")
        // Terminal columns: the caret is as far in as the `@` is.
        let atColumn = lines[source].prefix { $0 != "@" }.reduce(0) { $0 + (($1.unicodeScalars.first?.value ?? 0) > 0x2E80 ? 2 : 1) }
        #expect(caret.count - 1 == atColumn, "\(result.stderr)")
    }

    /// `FORCE_COLOR` and `CLICOLOR_FORCE` colour even a pipe; `NO_COLOR`
    /// disables colour only when it is not empty; `TERM=dumb` disables it.
    @Test(arguments: [
        (["FORCE_COLOR": "1"], true),
        (["CLICOLOR_FORCE": "1"], true),
        (["FORCE_COLOR": "0"], false),
        (["FORCE_COLOR": ""], false),
        (["NO_COLOR": "", "TERM": "xterm-256color"], false),  // a pipe is never coloured unless forced
        (["NO_COLOR": "", "TERM": "xterm-256color", "FORCE_COLOR": "1"], true),
        (["NO_COLOR": "1", "TERM": "dumb", "FORCE_COLOR": "1"], true),  // forcing wins
    ])
    func colourConventions(_ environment: [String: String], coloured: Bool) async throws {
        let output = try await CQ.run(["--demo", "-e", #"[{a: 1}]"#], environment: environment)
        #expect(output.stdout.contains("\u{1b}[1m") == coloured, "\(output)")
        let error = try await CQ.run(["--demo", "-e", "1 +"], environment: environment)
        #expect(error.stderr.contains("\u{1b}[") == coloured, "\(error)")
    }
}
