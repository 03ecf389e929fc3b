import Synchronization

/// Counts the requests the simulator is answering now, and the most at once.
///
/// Synchronous, so a request can be counted out on every path: a `defer`, a
/// dropped response body, a cancelled task.
final class InFlightGauge: Sendable {
    private struct Counts {
        var now = 0
        var peak = 0
    }

    private let counts = Mutex(Counts())

    /// Requests being answered now.
    var inFlight: Int { counts.withLock { $0.now } }

    /// The most requests answered at once since the last ``resetPeak()``.
    var peak: Int { counts.withLock { $0.peak } }

    /// Counts a request in; it is counted out when the returned value ends or is dropped.
    func open() -> OpenRequest {
        counts.withLock {
            $0.now += 1
            $0.peak = max($0.peak, $0.now)
        }
        return OpenRequest(gauge: self)
    }

    /// Starts a new peak from the number in flight now.
    func resetPeak() {
        counts.withLock { $0.peak = $0.now }
    }

    fileprivate func close() {
        counts.withLock { $0.now -= 1 }
    }
}

/// One request counted in flight by an ``InFlightGauge`` until ``end()`` is
/// called or it is dropped, whichever comes first.
final class OpenRequest: Sendable {
    private let gauge: InFlightGauge
    private let ended = Atomic(false)

    fileprivate init(gauge: InFlightGauge) {
        self.gauge = gauge
    }

    deinit { end() }

    /// Counts the request out; later calls do nothing.
    func end() {
        guard !ended.exchange(true, ordering: .relaxed) else { return }
        gauge.close()
    }
}
