import CQ

/// The one-line status shown on standard error while a slow query runs: in
/// the REPL, and by `cq -e` and scripts on a terminal.
public enum ProgressLine {
    static let frames: [Character] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    /// Erases the line the cursor is on (where the progress line is drawn).
    public static let erase = ANSI.eraseLine

    /// `⠋ 12 requests · 3 in flight · 40 cached · 1.4 s`, for animation frame `frame`.
    public static func text(frame: Int, elapsed: Duration, work: REPLMetrics) -> String {
        var parts: [String] = []
        if work.requestsCompleted > 0 { parts.append(requests(work.requestsCompleted)) }
        if work.requestsInFlight > 0 { parts.append("\(work.requestsInFlight) in flight") }
        if work.cacheHits > 0 { parts.append("\(work.cacheHits) cached") }
        if parts.isEmpty { parts.append("working") }
        parts.append(elapsed.shortDescription)
        return "\(frames[frame % frames.count]) " + parts.joined(separator: " · ")
    }

    /// `text` cut to fit in one line of a terminal `columns` wide (0: unknown),
    /// so that erasing the line removes all of it.
    public static func fitting(_ text: String, columns: Int) -> String {
        guard columns > 1, DisplayWidth.columns(text) >= columns else { return text }
        return DisplayWidth.prefix(of: text, fitting: columns - 2).text + "…"
    }

    /// The `:time` report: `Time: 1.4 s · 12 requests · 3 cache hits`.
    static func timing(elapsed: Duration, work: REPLMetrics) -> String {
        let hits = work.cacheHits == 1 ? "1 cache hit" : "\(work.cacheHits) cache hits"
        return "Time: \(elapsed.shortDescription) · \(requests(work.requestsCompleted)) · \(hits)"
    }

    private static func requests(_ count: Int) -> String {
        count == 1 ? "1 request" : "\(count) requests"
    }
}
