import Foundation
import Testing

/// Every `--format` on the same small query.
@Suite(.timeLimit(.minutes(3))) struct OutputFormatTests {
    /// Four jobs as a CircleCI job list has them: numbers, names, statuses,
    /// timestamps to the millisecond, durations, and a job never run (nulls).
    /// Written out, so the exact output of each format does not move with the
    /// demo data; ``apiJobsPrintLikeTheSameValuesWrittenOut()`` shows that real
    /// jobs print like this.
    static let query = #"""
        [
          {job_number: 3217, name: "lint", status: "success", started_at: date("2026-11-18T01:47:08.480Z"), duration: duration(80.097)},
          {job_number: 3218, name: "unit-tests", status: "failed", started_at: date("2026-11-18T01:47:06.690Z"), duration: duration(292.271)},
          {job_number: 3219, name: "integration-tests", status: "success", started_at: date("2026-11-18T01:48:53.827Z"), duration: duration(397.16)},
          {job_number: null, name: "build", status: "not_run", started_at: null, duration: null},
        ]
        """#

    private func output(_ format: String, _ query: String = Self.query) async throws -> String {
        let result = try await CQ.run(["--demo", "--format", format, "-e", query])
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

    /// Strings as they are, records as compact JSON, one row a line.
    @Test func raw() async throws {
        #expect(try await output("raw", #"["a\tb", "日本"]"#) == "a\tb\n日本\n")
        let lines = try await output("raw").split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.first == #"{"job_number":3217,"name":"lint","status":"success","started_at":"2026-11-18T01:47:08.480Z","duration":80.097}"#)
    }

    @Test func vertical() async throws {
        let text = try await output("vertical")
        #expect(text.hasPrefix("── 1 ───"))
        #expect(text.components(separatedBy: "\n── ").count == 4)
        #expect(text.contains("name        unit-tests\nstatus      failed\nstarted_at  2026-11-18 01:47:06\nduration    4m 52s\n"))
        #expect(text.hasSuffix("── 4 ───────────────────────────────────\njob_number\nname        build\nstatus      not_run\nstarted_at\nduration\n"))
    }

    /// Jobs of a demo pipeline with a job that never ran print exactly as the
    /// same values written out do, in every format: timestamps, durations and
    /// nulls come from the API as those types.
    @Test func apiJobsPrintLikeTheSameValuesWrittenOut() async throws {
        let find = #"(pipelines("gh/org/repo") | jobs | where status == "not_run" | first).pipeline_number"#
        let number = try #require(Int(try await output("ndjson", find).trimmingCharacters(in: .newlines)))
        let columns = "select job_number, name, status, started_at, duration"
        let jobs = #"pipeline("gh/org/repo", \#(number)) | jobs | "# + columns
        let text = try await output("json", jobs)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(rows.contains { $0["job_number"] is NSNull } && rows.contains { $0["job_number"] is Int }, "\(text)")

        // Timestamps are ISO 8601 to the millisecond, durations are seconds: stopped_at − started_at.
        let times = try #require(
            try JSONSerialization.jsonObject(
                with: Data(try await output("json", jobs + ", stopped_at").utf8)) as? [[String: Any]])
        let parser = ISO8601DateFormatter()
        parser.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        for row in times {
            guard let started = row["started_at"] as? String, let stopped = row["stopped_at"] as? String else {
                #expect(row["duration"] is NSNull, "no duration without both times: \(row)")
                continue
            }
            #expect(started.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil, "\(started)")
            let seconds = try #require(parser.date(from: stopped)).timeIntervalSince(try #require(parser.date(from: started)))
            let duration = try #require(row["duration"] as? Double, "\(row)")
            #expect(abs(duration - seconds) < 0.002, "\(row)")
        }

        // The same rows written out as values.
        func literal(_ value: Any?, _ wrap: (String) -> String = { $0 }) -> String {
            switch value {
            case let number as Int: wrap(String(number))
            case let number as Double: wrap(String(number))
            case let text as String: wrap("\"\(text)\"")
            default: "null"
            }
        }
        let written = "[" + rows.map { row in
            "{job_number: \(literal(row["job_number"])), name: \(literal(row["name"])), "
                + "status: \(literal(row["status"])), started_at: \(literal(row["started_at"]) { "date(\($0))" }), "
                + "duration: \(literal(row["duration"]) { "duration(\($0))" })}"
        }.joined(separator: ", ") + "]"
        for format in ["table", "json", "ndjson", "csv", "vertical", "raw"] {
            let real = try await output(format, jobs)
            #expect(real == (try await output(format, written)), "\(format):\n\(real)")
        }
    }

    @Test func aSingleValue() async throws {
        let query = #"pipelines("gh/org/repo") | count"#
        // The count is the number of pipelines the list has.
        let list = try await output("ndjson", #"pipelines("gh/org/repo") | map number"#)
        let count = list.split(separator: "\n").count
        #expect(count > 1)
        for (format, expected) in [
            ("table", "\(count)\n"), ("json", "\(count)\n"), ("ndjson", "\(count)\n"), ("csv", "value\r\n\(count)\r\n"),
            ("vertical", "── 1 ───────────────────────────────────\nvalue  \(count)\n"), ("raw", "\(count)\n"),
        ] {
            let result = try await CQ.run(["--demo", "--format", format, "-e", query])
            #expect(result.stdout == expected, "\(format): \(result)")
        }
    }

    @Test func noRows() async throws {
        let query = #"pipelines("gh/org/repo") | where number < 1"#
        for (format, expected) in [("table", "(no rows)\n"), ("json", "[]\n"), ("ndjson", ""), ("vertical", "(no rows)\n"), ("raw", "")] {
            let result = try await CQ.run(["--demo", "--format", format, "-e", query])
            #expect(result.status == 0)
            #expect(result.stdout == expected, "\(format): \(result)")
        }
    }
}
