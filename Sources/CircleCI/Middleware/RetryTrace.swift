import Synchronization

/// How many attempts the retry middleware made for one client call.
///
/// The client binds a trace around each call; ``RetryMiddleware`` counts every
/// attempt into the bound trace, so a failure can say how often it was tried.
/// Middleware used outside a client call (no trace bound) counts nothing.
final class RetryTrace: Sendable {
    /// The trace of the call running in this task, if any.
    @TaskLocal static var current: RetryTrace?

    private let count = Mutex(0)

    /// Counts one attempt.
    func recordAttempt() {
        count.withLock { $0 += 1 }
    }

    /// The attempts counted, or `nil` when none went through the retry middleware
    /// (a cache answered, or the call failed before sending).
    var attempts: Int? {
        let value = count.withLock { $0 }
        return value > 0 ? value : nil
    }
}
