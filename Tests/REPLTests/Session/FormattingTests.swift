import Testing

@testable import REPL

struct FormattingTests {
    @Test(arguments: [
        (Duration.milliseconds(0), "0 ms"),
        (.milliseconds(850), "850 ms"),
        (.milliseconds(1449), "1.4 s"),
        (.milliseconds(59_960), "60.0 s"),
        (.seconds(125), "2m 05s"),
    ])
    func shortDurations(duration: Duration, text: String) {
        #expect(duration.shortDescription == text)
    }

    @Test func watchIntervals() {
        #expect(Duration.seconds(5).intervalDescription == "5s")
        #expect(Duration.milliseconds(500).intervalDescription == "0.5s")
        #expect(Duration.milliseconds(2250).intervalDescription == "2.25s")
    }

    @Test func progressLine() {
        let busy = REPLMetrics(requestsCompleted: 12, requestsInFlight: 3)
        let line = ProgressLine.text(frame: 0, elapsed: .milliseconds(1400), work: busy)
        #expect(line == "⠋ 12 requests · 3 in flight · 1.4 s")
        #expect(ProgressLine.text(frame: 1, elapsed: .milliseconds(400), work: .zero) == "⠙ working · 400 ms")
    }

    @Test func progressLineFitsTheTerminal() {
        let text = "⠋ 12 requests · 3 in flight · 1.4 s"
        #expect(ProgressLine.fitting(text, columns: 80) == text)
        #expect(ProgressLine.fitting(text, columns: 0) == text)
        #expect(ProgressLine.fitting(text, columns: 10) == "⠋ 12 req…")
    }

    @Test func timingReport() {
        let work = REPLMetrics(requestsCompleted: 1, cacheHits: 3)
        let report = ProgressLine.timing(elapsed: .milliseconds(20), work: work)
        #expect(report == "Time: 20 ms · 1 request · 3 cache hits")
    }

    @Test func metricsAreMeasuredFromABaseline() {
        let before = REPLMetrics(requestsCompleted: 10, requestsInFlight: 1, cacheHits: 4)
        let after = REPLMetrics(requestsCompleted: 15, requestsInFlight: 2, cacheHits: 4)
        #expect(after.since(before) == REPLMetrics(requestsCompleted: 5, requestsInFlight: 2, cacheHits: 0))
    }
}
