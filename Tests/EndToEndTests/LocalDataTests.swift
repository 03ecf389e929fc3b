import Foundation
import Testing

/// `cq` on local data: files and standard input, streamed, with no row cap
/// unless asked for, composing with other tools and with itself.
@Suite(.timeLimit(.minutes(5))) struct LocalDataTests {
    /// `count` NDJSON rows `{"n": i, "name": "job-(i % 7)", "status": …, "duration": …}`.
    private static func ndjson(_ count: Int) -> String {
        var text = ""
        text.reserveCapacity(count * 80)
        for index in 0..<count {
            let status = index % 10 == 3 ? "failed" : "success"
            text +=
                "{\"n\":\(index),\"name\":\"job-\(index % 7)\",\"status\":\"\(status)\",\"duration\":\(index % 1000)}\n"
        }
        return text
    }

    @Test func dataPipedToOpenDash() async throws {
        let result = try await CQ.run(
            ["-e", #"open("-") | where status == "failed" | count"#], stdin: Self.ndjson(1_000))
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "100\n")
        let short = try await CQ.run(["--format", "ndjson", "-e", "stdin() | take 2 | map n"], stdin: Self.ndjson(50))
        #expect(short.stdout == "0\n1\n", "\(short)")
        let document = try await CQ.run(["-e", #"open("-").items | sum"#], stdin: #"{"items": [1, 2, 3]}"#)
        #expect(document.stdout == "6\n", "\(document)")
    }

    @Test func cqComposesWithItselfThroughNDJSON() async throws {
        let jobs = try await CQ.run(
            ["--demo", "--format", "ndjson", "-e", #"pipelines("gh/acme/api") | take 5 | jobs"#])
        #expect(jobs.status == 0, "\(jobs)")
        let rows = jobs.stdout.split(separator: "\n").count
        #expect(rows > 5)
        let counted = try await CQ.run(["-e", #"open("-") | count"#], stdin: jobs.stdout)
        #expect(counted.stdout == "\(rows)\n", "\(counted)")
        let grouped = try await CQ.run(
            ["--format", "ndjson", "-e", #"open("-") | group by status with n: count() | sort by status"#],
            stdin: jobs.stdout)
        #expect(grouped.status == 0, "\(grouped)")
        #expect(grouped.stdout.contains(#""status":"success""#), "\(grouped)")
    }

    @Test func aProgramFromStandardInputCannotAlsoReadDataFromIt() async throws {
        let result = try await CQ.run([], stdin: #"open("-") | count"#)
        #expect(result.status == 65, "\(result)")
        #expect(
            result.stderr.contains(
                "cannot read data from standard input: the program itself was read from standard input"),
            "\(result.stderr)")
    }

    @Test func groupByAndSortReadMoreThanAHundredThousandRows() async throws {
        let directory = try ScratchDirectory()
        let path = try directory.write("jobs.ndjson", Self.ndjson(150_000))
        let grouped = try await CQ.run(
            [
                "--format", "ndjson", "-e",
                #"open("\#(path)") | group by name with n: count(), failed: count(status == "failed"), p50: median(duration) | sort by name | take 2"#,
            ])
        #expect(grouped.status == 0, "\(grouped)")
        #expect(
            grouped.stdout == """
                {"name":"job-0","n":21429,"failed":2142,"p50":499}
                {"name":"job-1","n":21429,"failed":2143,"p50":499}

                """, "\(grouped)")
        let sorted = try await CQ.run(["-e", #"open("\#(path)") | sort by duration desc, n | first | map n"#])
        #expect(sorted.stdout == "999\n", "\(sorted)")
        let limited = try await CQ.run(["--max-rows", "100000", "-e", #"open("\#(path)") | group by name"#])
        #expect(limited.status == 70, "\(limited)")
        #expect(
            limited.stderr.contains("more than 100000 rows reached a stage that reads all rows"), "\(limited.stderr)")
        #expect(limited.stderr.contains("raise the limit with --max-rows N"), "\(limited.stderr)")
        let refused = try await CQ.run(["--max-rows", "0", "-e", "1"])
        #expect(refused.status == 64, "\(refused)")
    }

    /// No row cap, but a step limit: a runaway query (issue 10's `join` of a
    /// million items per row) ends with a clear error, not all the memory.
    @Test func aRunawayQueryStopsAtTheStepLimitWhichAFlagSets() async throws {
        let runaway = "let a = range(1000000)\nmap($a, x => join($a, \",\")) | count"
        let stopped = try await CQ.run(["--max-steps", "20000000", "-e", runaway])
        #expect(stopped.status == 70, "\(stopped)")
        #expect(stopped.stderr.contains("the query took more than 20000000 steps"), "\(stopped.stderr)")
        #expect(stopped.stderr.contains("raise the limit with --max-steps N (0: no limit)"), "\(stopped.stderr)")
        let unlimited = try await CQ.run(["--max-steps", "0", "-e", "range(10) | count"])
        #expect(unlimited.stdout == "10\n", "\(unlimited)")
        let tight = try await CQ.run(["--max-steps", "5", "-e", "range(100) | map it * 2 | count"])
        #expect(tight.status == 70, "\(tight)")
    }

    @Test func malformedDataSaysWhere() async throws {
        let directory = try ScratchDirectory()
        let path = try directory.write("bad.ndjson", "{\"n\": 1}\n{\"n\": 2,}\n")
        let result = try await CQ.run(["--format", "ndjson", "-e", #"open("\#(path)") | map n"#])
        #expect(result.status == 70, "\(result)")
        #expect(result.stdout == "1\n", "the row before the error is written")
        #expect(
            result.stderr.contains("\(path):2:9: not valid JSON: expected a key in double quotes, found '}'"),
            "\(result.stderr)")
        let piped = try await CQ.run(["-e", #"open("-") | count"#], stdin: "[\n  1,\n  2\n  3\n]\n")
        #expect(piped.status == 70, "\(piped)")
        #expect(
            piped.stderr.contains("<stdin>:4:3: not valid JSON: expected ',' or ']' after an element of an array"),
            "\(piped.stderr)")
    }
}
