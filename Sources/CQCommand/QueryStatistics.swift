import CircleCI
import Foundation

/// What one run cost: `--stats` and the REPL's `:time` print it.
struct QueryStatistics: Sendable {
    var elapsed: Duration
    /// The client's counters during the run (peak in flight included).
    var work: RequestMetrics.Snapshot
    /// Rows written to the output.
    var rowsOut: Int

    /// The counters of `after` minus those of `before`; the peak is `after`'s.
    static func work(from before: RequestMetrics.Snapshot, to after: RequestMetrics.Snapshot) -> RequestMetrics.Snapshot {
        var work = RequestMetrics.Snapshot()
        work.requests = after.requests - before.requests
        work.retries = after.retries - before.retries
        work.rateLimited = after.rateLimited - before.rateLimited
        work.pages = after.pages - before.pages
        work.cacheHits = after.cacheHits - before.cacheHits
        work.peakInFlight = after.peakInFlight
        work.waited = after.waited - before.waited
        work.requestsByOperation = after.requestsByOperation.reduce(into: [:]) { result, entry in
            let count = entry.value - (before.requestsByOperation[entry.key] ?? 0)
            if count > 0 { result[entry.key] = count }
        }
        work.cacheHitsByOperation = after.cacheHitsByOperation.reduce(into: [:]) { result, entry in
            let count = entry.value - (before.cacheHitsByOperation[entry.key] ?? 0)
            if count > 0 { result[entry.key] = count }
        }
        return work
    }

    /// Two or three lines:
    /// `Time 1.84 s · 148 requests, at most 8 at once · 148 pages · 0 cache hits · 0 retries · 0 rate limited · 243 rows`
    /// then the requests (and cache hits) per operation, most first.
    var description: String {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        var summary = [
            String(format: "Time %.2f s", seconds),
            Self.count(work.requests, "request") + (work.requests > 0 ? ", at most \(work.peakInFlight) at once" : ""),
            Self.count(work.pages, "page"),
            Self.count(work.cacheHits, "cache hit"),
            Self.count(work.retries, "retry", plural: "retries"),
            "\(work.rateLimited) rate limited (429)",
            Self.count(rowsOut, "row"),
        ]
        if work.waited > .zero { summary.insert(String(format: "%.1f s waiting to retry", Self.seconds(work.waited)), at: 5) }
        var lines = [summary.joined(separator: " · ")]
        if !work.requestsByOperation.isEmpty { lines.append("  requests: " + Self.list(work.requestsByOperation)) }
        if !work.cacheHitsByOperation.isEmpty { lines.append("  from the cache: " + Self.list(work.cacheHitsByOperation)) }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func list(_ counts: [String: Int]) -> String {
        counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }

    private static func count(_ value: Int, _ singular: String, plural: String? = nil) -> String {
        "\(value) \(value == 1 ? singular : plural ?? singular + "s")"
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
