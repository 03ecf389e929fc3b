import CQ
import CircleCI
import Foundation
import REPL

/// The progress line `cq -e` and scripts draw on standard error while a query
/// runs, as the REPL does: only when standard error is a terminal, never in pipes.
actor ProgressReporter {
    private let metrics: RequestMetrics
    private let baseline: RequestMetrics.Snapshot
    private let start = ContinuousClock.now
    private var drawn = false
    private var frame = 0

    /// How long a query runs before the line appears, and how often it changes.
    static let delay = Duration.milliseconds(300)
    static let tick = Duration.milliseconds(100)

    init(metrics: RequestMetrics, baseline: RequestMetrics.Snapshot) {
        self.metrics = metrics
        self.baseline = baseline
    }

    /// Draws the line every tick after the delay, until the task is cancelled.
    func run() async {
        do {
            try await Task.sleep(for: Self.delay)
            while !Task.isCancelled {
                draw()
                try await Task.sleep(for: Self.tick)
            }
        } catch {
            return
        }
    }

    /// Removes the line, before output is written or when the query ends.
    func clear() {
        guard drawn else { return }
        FileDescriptorSink.standardError.write(ProgressLine.erase)
        drawn = false
    }

    private func draw() {
        let now = metrics.snapshot
        let work = REPLMetrics(
            requestsCompleted: now.requests - baseline.requests, requestsInFlight: now.inFlight,
            cacheHits: now.cacheHits - baseline.cacheHits)
        let text = ProgressLine.text(frame: frame, elapsed: start.duration(to: .now), work: work)
        let columns = FileDescriptorSink.standardError.terminalColumns ?? 80
        FileDescriptorSink.standardError.write(ProgressLine.erase + ProgressLine.fitting(text, columns: columns))
        drawn = true
        frame += 1
    }
}

/// A sink that removes the progress line before each write, so rows streamed
/// to the same terminal are never mixed with it.
struct ProgressClearingSink: CQ.TextSink {
    let inner: any CQ.TextSink
    let progress: ProgressReporter

    func write(_ text: String) async {
        await progress.clear()
        await inner.write(text)
    }
}
