import Foundation
import Testing

/// Every `--format` on the same small query.
@Suite struct OutputFormatTests {
    /// Four jobs of gh/org/repo 329; the last was never run (nulls).
    static let query = #"pipeline("gh/org/repo", 329) | jobs | take 4 | select job_number, name, status, started_at, duration"#

    private func output(_ format: String) async throws -> String {
        let result = try await CQ.run(["--demo", "--format", format, "-e", Self.query])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty)
        return result.stdout
    }

    @Test func table() async throws {
        #expect(try await output("table") == """
            job_number  name               status   started_at           duration
            ──────────  ─────────────────  ───────  ───────────────────  ────────
                  3217  lint               success  2026-11-18 01:47:08    1m 20s
                  3218  unit-tests         failed   2026-11-18 01:47:06    4m 52s
                  3219  integration-tests  success  2026-11-18 01:48:53    6m 37s
                        build              not_run
            (4 rows)

            """)
    }

    @Test(arguments: [80, 60, 40])
    func narrowTablesHideColumnsRatherThanCutTimes(_ columns: Int) async throws {
        let result = try await CQ.run(
            ["--demo", "-e", #"pipelines("gh/acme/api") | take 5"#], environment: ["COLUMNS": String(columns)])
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.count <= columns || $0.hasPrefix("(") }, "\(result.stdout)")
        #expect(lines.first?.hasPrefix("number  state  ") == true)
        #expect(lines.last?.contains("more column(s) hidden: use --format vertical") == true)
        // A timestamp is shown whole or not at all.
        #expect(!result.stdout.contains(":…") && !result.stdout.contains("-…") && !result.stdout.contains(" …"), "\(result.stdout)")
    }

    @Test func tableIsTheDefault() async throws {
        let result = try await CQ.run(["--demo", "-e", Self.query])
        #expect(result.stdout == (try await output("table")))
    }

    @Test func json() async throws {
        let text = try await output("json")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(rows.count == 4)
        #expect(rows.map { $0["job_number"] as? Int } == [3217, 3218, 3219, nil])
        #expect(rows[1]["status"] as? String == "failed")
        #expect(rows[0]["started_at"] as? String == "2026-11-18T01:47:08.480Z", "timestamps are ISO 8601")
        #expect(rows[0]["duration"] as? Double == 80.097, "durations are seconds")
        #expect(rows[3]["duration"] is NSNull && rows[3]["job_number"] is NSNull)
        #expect(text.hasPrefix("[\n  {\n    \"job_number\": 3217,"), "pretty-printed, keys in select order")
        #expect(text.hasSuffix("]\n"))
    }

    @Test func ndjsonIsOneObjectPerLine() async throws {
        let lines = try await output("ndjson").split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 5 && lines.last == "", "four lines, each ending in a newline")
        for line in lines.dropLast() {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["job_number", "name", "status", "started_at", "duration"])
        }
        #expect(lines.first == #"{"job_number":3217,"name":"lint","status":"success","started_at":"2026-11-18T01:47:08.480Z","duration":80.097}"#)
    }

    @Test func csvHasAHeaderRow() async throws {
        // RFC 4180: CRLF line ends.
        #expect(try await output("csv") == """
            job_number,name,status,started_at,duration
            3217,lint,success,2026-11-18T01:47:08.480Z,80.097
            3218,unit-tests,failed,2026-11-18T01:47:06.690Z,292.271
            3219,integration-tests,success,2026-11-18T01:48:53.827Z,397.16
            ,build,not_run,,

            """.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    @Test func csvQuotesWhatNeedsIt() async throws {
        let result = try await CQ.run(
            ["--demo", "--format", "csv", "-e", #"[{name: "a, b", note: "say \"hi\""}, {name: "x", note: null}]"#])
        #expect(result.stdout == "name,note\r\n\"a, b\",\"say \"\"hi\"\"\"\r\nx,\r\n")
    }

    @Test func vertical() async throws {
        let text = try await output("vertical")
        #expect(text.hasPrefix("── 1 ───"))
        #expect(text.components(separatedBy: "\n── ").count == 4)
        #expect(text.contains("name        unit-tests\nstatus      failed\nstarted_at  2026-11-18 01:47:06\nduration    4m 52s\n"))
        #expect(text.hasSuffix("── 4 ───────────────────────────────────\njob_number\nname        build\nstatus      not_run\nstarted_at\nduration\n"))
    }

    @Test func aSingleValue() async throws {
        let query = #"pipelines("gh/org/repo") | count"#
        for (format, expected) in [
            ("table", "22\n"), ("json", "22\n"), ("ndjson", "22\n"), ("csv", "value\r\n22\r\n"),
            ("vertical", "── 1 ───────────────────────────────────\nvalue  22\n"),
        ] {
            let result = try await CQ.run(["--demo", "--format", format, "-e", query])
            #expect(result.stdout == expected, "\(format): \(result)")
        }
    }

    @Test func noRows() async throws {
        let query = #"pipelines("gh/org/repo") | where number > 1000"#
        for (format, expected) in [("table", "(no rows)\n"), ("json", "[]\n"), ("ndjson", ""), ("vertical", "(no rows)\n")] {
            let result = try await CQ.run(["--demo", "--format", format, "-e", query])
            #expect(result.status == 0)
            #expect(result.stdout == expected, "\(format): \(result)")
        }
    }
}
