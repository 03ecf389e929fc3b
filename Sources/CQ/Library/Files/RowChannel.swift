import Foundation

/// Rows handed from the thread that parses them to the task that consumes
/// them, in batches, with bounded read-ahead.
///
/// The parsing thread blocks when ``capacity`` batches wait; the consumer
/// suspends (cancellably) while none does. ``stop()`` — the consumer is gone
/// — wakes the thread wherever it waits, so it ends and closes its input.
final class RowChannel: @unchecked Sendable {
    /// How the input starts, once the thread knows.
    enum Start {
        case single(Value)
        case rows
    }

    /// Batches waiting at most; the parser waits beyond.
    let capacity: Int
    /// Wakes the parsing thread from a read that waits for a writer.
    let wakeup: Wakeup

    // Guarded by `condition`.
    private let condition = NSCondition()
    private var start: Start?
    private var batches: [[Value]] = []
    private var finished = false
    private var failure: (any Error)?
    private var stopped = false
    private var waiter: CheckedContinuation<Void, Never>?
    /// Counts changes the consumer may be waiting for.
    private var version = 0

    init(capacity: Int, wakeup: Wakeup) {
        self.capacity = capacity
        self.wakeup = wakeup
    }

    // MARK: The parsing thread

    /// Says how the input starts.
    func begin(_ start: Start) {
        condition.lock()
        self.start = start
        version += 1
        let waiter = takeWaiter()
        condition.unlock()
        waiter?.resume()
    }

    /// Hands `batch` on, waiting while ``capacity`` batches wait; `false`
    /// once the consumer is gone.
    func publish(_ batch: [Value]) -> Bool {
        condition.lock()
        while batches.count >= capacity, !stopped { condition.wait() }
        guard !stopped else {
            condition.unlock()
            return false
        }
        batches.append(batch)
        version += 1
        let waiter = takeWaiter()
        condition.unlock()
        waiter?.resume()
        return true
    }

    /// No more rows: the input ended, or `failure`.
    func finish(_ failure: (any Error)?) {
        condition.lock()
        finished = true
        self.failure = failure
        version += 1
        let waiter = takeWaiter()
        condition.unlock()
        waiter?.resume()
    }

    /// Whether the consumer is gone.
    var isStopped: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopped
    }

    // MARK: The consumer

    /// How the input starts, waiting for the thread to find out.
    func awaitStart() async throws -> Start {
        try await waitUntil {
            if let start = self.start { return .success(start) }
            if self.finished { return .failure(self.failure ?? CancellationError()) }
            return nil
        }
    }

    /// The next batch of rows, or `nil` after the last.
    func next() async throws -> [Value]? {
        try await waitUntil {
            if !self.batches.isEmpty {
                let batch = self.batches.removeFirst()
                self.condition.signal()
                return .success(batch)
            }
            if self.finished {
                if let failure = self.failure { return .failure(failure) }
                return .success(nil)
            }
            return nil
        }
    }

    /// The consumer is gone: the thread stops at its next step, or wait.
    func stop() {
        condition.lock()
        stopped = true
        batches.removeAll()
        condition.broadcast()
        condition.unlock()
        wakeup.wake()
    }

    /// Waits until `ready` (called with the lock held) has an outcome.
    private func waitUntil<T>(_ ready: () -> Result<T, any Error>?) async throws -> T {
        while true {
            try Task.checkCancellation()
            let (outcome, seen) = locked { (ready(), version) }
            if let outcome { return try outcome.get() }
            await withTaskCancellationHandler {
                await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                    let waits = locked {
                        guard version == seen, !Task.isCancelled else { return false }
                        waiter = continuation
                        return true
                    }
                    if !waits { continuation.resume() }
                }
            } onCancel: {
                locked { takeWaiter() }?.resume()
            }
        }
    }

    private func locked<T>(_ body: () -> T) -> T {
        condition.lock()
        defer { condition.unlock() }
        return body()
    }

    private func takeWaiter() -> CheckedContinuation<Void, Never>? {
        defer { waiter = nil }
        return waiter
    }
}
