import Synchronization

/// The one limit on requests in flight for a whole query, however its stages
/// nest: at most ``limit`` requests hold a permit at once, the others wait in
/// arrival order.
///
/// The limit adapts (additive increase, multiplicative decrease): a 429
/// halves it, never below 1, and each run of ``limit`` consecutive successes
/// raises it by one, up to ``maximum``. Several 429s answering requests sent
/// under the same limit (a burst) halve it once: only a request granted its
/// permit after the last decrease can decrease it again. Waits that the
/// server asks for (`Retry-After`, rate-limit resets) are the retry and
/// rate-limit middleware's business; they run outside the permit.
///
/// Bind one limiter around an evaluation with ``current``; every request any
/// task of it sends through a ``CircleCIClient`` (tasks created with `Task {}`
/// inherit the binding) then goes through ``ConcurrencyLimitMiddleware``:
///
/// ```swift
/// try await RequestLimiter.$current.withValue(RequestLimiter(maximum: 8)) {
///     try await runQuery()
/// }
/// ```
public final class RequestLimiter: Sendable {
    /// The limiter requests of the current task are counted against, or `nil`
    /// for no limit.
    @TaskLocal public static var current: RequestLimiter?

    /// How a request that held a permit ended, as far as the limit cares.
    enum Outcome {
        /// A response that says nothing about load (2xx, 3xx, 4xx but 429).
        case succeeded
        /// A 429.
        case rateLimited
        /// No verdict: a failure, a 5xx, a cancellation.
        case neutral
    }

    /// A held permit; `epoch` is the number of decreases when it was granted.
    struct Permit {
        let epoch: Int
    }

    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<Permit, any Error>
    }

    private struct State {
        var limit: Int
        var inFlight = 0
        var successes = 0
        var epoch = 0
        var nextID: UInt64 = 0
        /// Waiters in arrival order; cancelled ones are removed from `waiting`
        /// and skipped here.
        var queue: [UInt64] = []
        var queueHead = 0
        var waiting: [UInt64: CheckedContinuation<Permit, any Error>] = [:]

        /// Removes and returns the waiters that may go now, counting them in flight.
        mutating func admit() -> [CheckedContinuation<Permit, any Error>] {
            var admitted: [CheckedContinuation<Permit, any Error>] = []
            while inFlight < limit, queueHead < queue.count {
                let id = queue[queueHead]
                queueHead += 1
                guard let continuation = waiting.removeValue(forKey: id) else { continue }
                inFlight += 1
                admitted.append(continuation)
            }
            if queueHead > 64, queueHead * 2 > queue.count {
                queue.removeFirst(queueHead)
                queueHead = 0
            }
            return admitted
        }
    }

    /// The configured most requests in flight; the limit never grows past it.
    public let maximum: Int
    /// The most requests it lets through in all, or `nil` for no such limit:
    /// a request past it fails with ``RequestBudgetExceeded`` instead of being sent.
    public let budget: Int?
    private let state: Mutex<State>
    private let granted = Mutex(0)

    /// Creates a limiter allowing `maximum` requests in flight (at least 1)
    /// and, when given, `budget` requests in all.
    public init(maximum: Int, budget: Int? = nil) {
        self.maximum = Swift.max(1, maximum)
        self.budget = budget
        state = Mutex(State(limit: self.maximum))
    }

    /// How many requests it has let through so far.
    public var requestsGranted: Int { granted.withLock { $0 } }

    /// The current limit: ``maximum``, or less after 429s.
    public var limit: Int { state.withLock { $0.limit } }

    /// How many permits are held now.
    public var inFlight: Int { state.withLock { $0.inFlight } }

    /// How many tasks are waiting for a permit now.
    public var waiting: Int { state.withLock { $0.waiting.count } }

    /// Runs `body` holding a permit, first waiting for one if ``limit`` are held.
    ///
    /// - Throws: `CancellationError` at once when the task is cancelled while
    ///   waiting (no permit is kept); otherwise what `body` throws. The permit
    ///   is returned however `body` ends.
    public func withPermit<T>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: () async throws -> T
    ) async throws -> T {
        let permit = try await acquire()
        do {
            let result = try await body()
            release(permit, outcome: .neutral)
            return result
        } catch {
            release(permit, outcome: .neutral)
            throw error
        }
    }

    /// Waits for a permit.
    func acquire() async throws -> Permit {
        if let budget {
            let allowed = granted.withLock { count in
                guard count < budget else { return false }
                count += 1
                return true
            }
            guard allowed else { throw RequestBudgetExceeded(budget: budget) }
        }
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let granted: Result<Permit, any Error>? = state.withLock { state in
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if state.inFlight < state.limit, state.waiting.isEmpty {
                        state.inFlight += 1
                        return .success(Permit(epoch: state.epoch))
                    }
                    state.queue.append(id)
                    state.waiting[id] = continuation
                    return nil
                }
                if let granted { continuation.resume(with: granted) }
            }
        } onCancel: {
            let continuation = state.withLock { $0.waiting.removeValue(forKey: id) }
            continuation?.resume(throwing: CancellationError())
        }
    }

    /// Returns a permit and adapts the limit to how its request ended.
    func release(_ permit: Permit, outcome: Outcome) {
        let (admitted, epoch) = state.withLock { state in
            state.inFlight -= 1
            switch outcome {
            case .succeeded:
                state.successes += 1
                if state.successes >= state.limit, state.limit < maximum {
                    state.limit += 1
                    state.successes = 0
                }
            case .rateLimited:
                state.successes = 0
                if permit.epoch == state.epoch {
                    state.limit = Swift.max(1, state.limit / 2)
                    state.epoch += 1
                }
            case .neutral:
                break
            }
            return (state.admit(), state.epoch)
        }
        for continuation in admitted { continuation.resume(returning: Permit(epoch: epoch)) }
    }
}
