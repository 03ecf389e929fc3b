import CQ
import CircleCI
import CircleCISimulator
import Foundation
import ResponseCache

extension RoundTrips {
    /// Prints the figures of the issue "Requests are the cost", with their goals.
    func report() async throws {
        let slug = "gh/acme/api"
        print("\n== Requests are the cost (simulator over HTTP, \(Int(Self.seconds(latency) * 1000)) ms per request) ==")

        let fanOut = #"pipelines("\#(slug)") | take 50 | jobs | count"#
        let sequential = try await run(fanOut, concurrency: 1)
        let parallel = try await run(fanOut)
        let limit = EvaluationOptions().concurrency
        let pages = parallel.work.requestsByOperation["listPipelinesForProject"] ?? 0
        // The last pipeline waits for its page, then its workflows, then their jobs.
        let bound = self.bound(requests: parallel.work.requests, concurrency: limit, depth: pages + 2)
        print("1. \(fanOut)  → \(parallel.rows.plainText) jobs")
        print(Self.line("   concurrency 1", sequential))
        print(Self.line("   concurrency \(limit)", parallel))
        print(String(
            format: "   speed-up %.1f× (goal ≥ 6×) · critical-path bound %.2f s: %.2f× the bound (goal ≤ 1.5×)",
            sequential.seconds / parallel.seconds, bound, parallel.seconds / bound))

        print("2. Cold, then warm from the response cache (goal: warm requests ≤ 10 % of cold)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cq-bench-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let metrics = RequestMetrics()
        let identity = CacheIdentity(host: host, token: Simulator.demoToken)
        func cache(later seconds: TimeInterval = 0) -> [any ClientMiddleware] {
            let options = ResponseCache.Options(now: { Date().addingTimeInterval(seconds) })
            return [
                CachingMiddleware(
                    cache: ResponseCache(directory: directory, options: options), identity: identity, metrics: metrics)
            ]
        }
        for query in [#"pipelines("gh/org/repo") | where state == "failed" | jobs"#, fanOut] {
            let cold = try await run(query, middlewares: cache(), metrics: metrics)
            let warm = try await run(query, middlewares: cache(), metrics: metrics)
            // Lists have expired (60 s); what finished is still kept.
            let later = try await run(query, middlewares: cache(later: 120), metrics: metrics)
            print("   \(query)")
            for (label, run) in [("cold", cold), ("warm", warm), ("2 min later", later)] {
                print("     " + label.padding(toLength: 12, withPad: " ", startingAt: 0) + String(
                    format: "%5.2f s · %3d requests (%3.0f %% of cold) · %3d cache hits", run.seconds,
                    run.work.requests, 100 * Double(run.work.requests) / Double(max(1, cold.work.requests)),
                    run.work.cacheHits))
            }
        }

        print("3. Pages read (planner off → on; the fewest that can answer)")
        let all = try await run(#"pipelines("\#(slug)") | map [vcs.branch, created_at]"#, plans: false)
        let rows = all.rows.listValue ?? []
        let rare = "chore/go-1.23"
        let matching = rows.filter { $0.listValue?.first == .string(rare) }.count
        let weekAgo = now.addingTimeInterval(-7 * 86_400)
        let recent = rows.filter { row in
            guard case .timestamp(let date)? = row.listValue?.last else { return false }
            return date > weekAgo
        }.count
        for (query, fewest) in [
            (#"pipelines("\#(slug)") | where vcs.branch == "\#(rare)" | count"#, max(1, (matching + 19) / 20)),
            (#"pipelines("\#(slug)") | where created_at > now() - 7d | count"#, recent / 20 + 1),
        ] {
            let before = try await run(query, plans: false)
            let after = try await run(query)
            print("   \(query)  → \(after.rows.plainText)")
            print(String(
                format: "     %d → %d pages (fewest %d) · %.2f s → %.2f s", before.work.pages, after.work.pages, fewest,
                before.seconds, after.seconds))
        }
        let three = try await run(#"pipelines("\#(slug)") | take 3 | map number"#)
        print("4. pipelines(\"\(slug)\") | take 3: \(three.work.pages) page, \(three.work.requests) request")
    }

    static func line(_ label: String, _ run: Run) -> String {
        String(
            format: "%@: %6.2f s · %d requests · at most %d in flight", label, run.seconds, run.work.requests,
            run.work.peakInFlight)
    }
}
