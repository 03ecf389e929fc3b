import Foundation

/// cq on a local NDJSON export beside jq, as a user runs them: the release
/// `cq` binary and `jq` on the same generated file, in the same run, each
/// answer checked against the other, with cq's peak memory.
struct LocalData {
    struct Comparison {
        let label: String
        let cq: [String]
        let jq: [String]
        /// Whether the two outputs mean the same answer.
        let agree: (String, String) -> Bool
    }

    let cq: String
    let jq: String?
    let file: URL
    let repeats: Int

    static func report() async throws {
        print("\n== Local data: a 1,000,000-record NDJSON export, cq beside jq ==")
        let binaryDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        guard let cq = ChildProcess.locate("cq", candidates: [binaryDirectory.appendingPathComponent("cq").path]),
            cq.hasPrefix(binaryDirectory.path)
        else {
            print("skipped: no release cq next to CQBench (swift build -c release --product cq)")
            return
        }
        let jq = ChildProcess.locate("jq", candidates: ["/usr/bin/jq"])
        if jq == nil { print("jq is not installed (make bench installs it): cq alone") }
        let count = ProcessInfo.processInfo.environment["CQ_BENCH_RECORDS"].flatMap(Int.init) ?? 1_000_000
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cq-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("jobs.ndjson")
        let generated = ContinuousClock.now
        try JobsFile.write(count, to: file)
        let size = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        print(String(
            format: "generated %d records, %.0f MB, seed 42, in %.1f s (cq: %@; jq: %@)", count, Double(size) / 1e6,
            Measure.seconds(since: generated), cq, jq.map { "\($0), \(version(of: $0))" } ?? "none"))
        let repeats = ProcessInfo.processInfo.environment["CQ_BENCH_REPEAT"].flatMap(Int.init) ?? 2
        try LocalData(cq: cq, jq: jq, file: file, repeats: max(1, repeats)).run()
        try JSONLayerBenchmark(file: file).report()
    }

    private func run() throws {
        let path = file.path
        let comparisons = [
            Comparison(
                label: "filter + count",
                cq: ["-e", #"open("\#(path)") | where status == "failed" | count"#],
                jq: ["-n", #"reduce (inputs | select(.status == "failed")) as $row (0; . + 1)"#, path],
                agree: { $0.trimmingCharacters(in: .whitespacesAndNewlines) == $1.trimmingCharacters(in: .whitespacesAndNewlines) }),
            Comparison(
                label: "group by + median",
                cq: ["--format", "ndjson", "-e", #"open("\#(path)") | group by name with n: count(), p50: median(duration)"#],
                jq: ["-c", "-n", Self.jqGroupByMedian, path],
                agree: Self.sameGroups),
            Comparison(
                label: "count",
                cq: ["-e", #"open("\#(path)") | count"#],
                jq: ["-n", "reduce inputs as $row (0; . + 1)", path],
                agree: { $0.trimmingCharacters(in: .whitespacesAndNewlines) == $1.trimmingCharacters(in: .whitespacesAndNewlines) }),
        ]
        print("| query | cq | jq | cq/jq | cq peak RSS | same answer |")
        print("|---|---|---|---|---|---|")
        for comparison in comparisons {
            var cqRuns: [ChildProcess.Run] = []
            var jqRuns: [ChildProcess.Run] = []
            for _ in 0..<repeats {
                // Interleaved, so both see the same load.
                cqRuns.append(try ChildProcess.measure(cq, comparison.cq))
                if let jq { jqRuns.append(try ChildProcess.run(jq, comparison.jq)) }
            }
            let cqBest = cqRuns.min { $0.seconds < $1.seconds } ?? cqRuns[0]
            guard cqBest.status == 0 else {
                print("| \(comparison.label) | failed (exit \(cqBest.status)): \(cqBest.stderr.prefix(200)) | | | | |")
                continue
            }
            let peak = cqRuns.map(\.peakMegabytes).max() ?? 0
            guard let jqBest = jqRuns.min(by: { $0.seconds < $1.seconds }) else {
                print(String(format: "| %@ | %.2f s | – | – | %.0f MB | – |", comparison.label, cqBest.seconds, peak))
                continue
            }
            let same = jqBest.status == 0 && comparison.agree(cqBest.stdout, jqBest.stdout)
            print(String(
                format: "| %@ | %.2f s | %.2f s | **%.2f** | %.0f MB | %@ |", comparison.label, cqBest.seconds,
                jqBest.seconds, cqBest.seconds / jqBest.seconds, peak, same ? "yes" : "NO"))
            if !same {
                print("  cq: \(cqBest.stdout.prefix(300))\n  jq: \(jqBest.stdout.prefix(300))\(jqBest.stderr.prefix(300))")
            }
        }
        print(
            "(best of \(repeats) wall times, interleaved; `CQ_BENCH_REPEAT` changes it; peak RSS "
                + (ChildProcess.timeCommand == nil ? "from wait4, an upper bound" : "from /usr/bin/time") + ")")
    }

    /// jq groups the names and durations it kept (`reduce … += [$d]` into
    /// an object is quadratic in jq 1.6: minutes for a million rows).
    static let jqGroupByMedian = """
        [inputs | {name, duration}] | group_by(.name) | .[]
        | (map(.duration) | sort) as $d | ($d | length) as $n | (($n - 1) / 2) as $rank | ($rank | floor) as $lo
        | ([$lo + 1, $n - 1] | min) as $hi
        | {name: .[0].name, n: $n, p50: ($d[$lo] + ($d[$hi] - $d[$lo]) * ($rank - $lo))}
        """

    /// The same groups, counts and medians (to 1e-9), in any order.
    static func sameGroups(_ cq: String, _ jq: String) -> Bool {
        func groups(_ text: String) -> [String: (Int, Double)] {
            var result: [String: (Int, Double)] = [:]
            for line in text.split(separator: "\n") {
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                    let name = object["name"] as? String, let count = (object["n"] as? NSNumber)?.intValue,
                    let median = (object["p50"] as? NSNumber)?.doubleValue
                else { continue }
                result[name] = (count, median)
            }
            return result
        }
        let a = groups(cq)
        let b = groups(jq)
        return !a.isEmpty && a.count == b.count
            && a.allSatisfy { name, value in
                guard let other = b[name] else { return false }
                return value.0 == other.0 && abs(value.1 - other.1) <= 1e-9 * max(1, abs(other.1))
            }
    }

    private static func version(of jq: String) -> String {
        (try? ChildProcess.run(jq, ["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? "?"
    }
}
