import CQ
import CQKit
import CircleCI
import CircleCISimulator
import Foundation

// Prints cq's performance figures: HTTP requests per query (the cost),
// wall time in-process and over loopback HTTP, evaluator throughput, local
// data beside jq (the release `cq` binary on a generated NDJSON export), the
// JSON layer beside Foundation's, and completion latency. Run with `make
// bench` (release build).

let now = Date(timeIntervalSince1970: 1_795_176_000)  // 2026-11-20T12:00:00Z

print("cq benchmarks (\(ProcessInfo.processInfo.activeProcessorCount) cores)\n")
print("== Requests per query (demo organisation, in-process) ==")
let queries = [
    #"pipelines("gh/acme/api") | take 3"#,
    #"pipelines("gh/acme/api") | count"#,
    #"pipelines("gh/acme/api") | take 3 | map number"#,
    #"pipelines("gh/org/repo") | where state == "failed" | jobs"#,
    #"pipelines("gh/acme/api") | where state == "failed" | first"#,
    #"runs("gh/acme/api", "build-and-test") | where status == "failed" | count"#,
    #"pipelines("gh/acme/api") | take 30 | jobs | group by name with p95: percentile(duration, 95)"#,
]
for query in queries {
    let result = try await Measure.run(query, now: now)
    print(String(format: "%4d requests  %8.1f ms  %@", result.requests, result.milliseconds, query))
}

print("\n== Same queries over HTTP on 127.0.0.1 (simulator server, URLSession) ==")
let simulator = Simulator(now: now)
let host = try await simulator.startServer(port: 0)
for query in queries.prefix(4) {
    let result = try await Measure.run(query, now: now, host: host)
    print(String(format: "%4d requests  %8.1f ms  %@", result.requests, result.milliseconds, query))
}
await simulator.stopServer()

let slow = Simulator(now: now)
let latency = Duration.milliseconds(ProcessInfo.processInfo.environment["CQ_BENCH_LATENCY_MS"].flatMap(Int.init) ?? 100)
await slow.faults.setLatency(latency)
try await RoundTrips(host: try await slow.startServer(port: 0), now: now, latency: latency).report()
await slow.stopServer()

print("\n== Evaluator (no I/O) ==")
for size in [10_000, 100_000] {
    let rows = (0..<size).map { index in
        Value.record([("name", .string("job-\(index % 25)")), ("duration", .duration(.seconds(index % 900)))])
    }
    let source = "$rows | where duration > 60s | group by name with n: count(), p95: percentile(duration, 95) | sort by p95 desc"
    let milliseconds = try await Measure.evaluate(source, variables: ["rows": .list(rows)])
    print(String(format: "%7d rows: where + group by + percentile + sort  %8.1f ms  (%.0f rows/s)", size, milliseconds,
                 Double(size) / milliseconds * 1000))
}
let parse = Measure.time(repeat: 200) {
    _ = Parser.parse(SourceFile(name: "bench", text: queries.joined(separator: "\n")))
}
print(String(format: "parse %d queries: %.3f ms", queries.count, parse))

try await LocalData.report()

print("\n== Completion latency (budget: 10 ms p99) ==")
let registry = CQEngine(session: Measure.offlineSession()).registry
let slugs = (0..<2_000).map { "gh/org\($0 / 50)/repo\($0)" } + ["gh/acme/api", "gh/acme/web"]
let engine = CompletionEngine(registry: registry, slugs: slugs)
let completions = [
    ("field", #"pipelines("gh/acme/api") | jobs | where sta"#),
    ("nested field", #"pipelines("gh/acme/api") | where vcs.br"#),
    ("enum value", #"pipelines("gh/acme/api") | jobs | where status == "#),
    ("stage", #"pipelines("gh/acme/api") | "#),
    ("keyword/function", "pipe"),
    ("slug (2,002 cached)", #"pipelines("gh/acme/a"#),
]
for (name, text) in completions {
    let samples = (0..<300).map { _ in Measure.time(repeat: 1) { _ = engine.complete(text, cursor: text.utf8.count) } }.sorted()
    let label = name.padding(toLength: 20, withPad: " ", startingAt: 0)
    print(label + String(format: " p50 %6.3f ms   p99 %6.3f ms", samples[150], samples[296]))
}
