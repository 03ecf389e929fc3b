import Synchronization

/// Remembers values by key for the length of one evaluation, computing each
/// at most once at a time even when asked concurrently.
///
/// - The first caller for a key starts the computation in a task registered
///   with the evaluation's ``BackgroundTasks``; later callers wait for it.
/// - A waiter whose task is cancelled gets `CancellationError` at once; the
///   others keep waiting. The computation is cancelled, and forgotten, only
///   when every waiter has gone, so a later caller starts afresh.
/// - A value is kept; an error is not: every waiter of that computation gets
///   it, and the next caller computes again.
public final class Memo: Sendable {
    private typealias Waiter = CheckedContinuation<Value, any Error>

    /// A computation under way and who waits for it; only touched under the lock.
    private final class Computation {
        let id: UInt64
        var task: Task<Void, any Error>?
        var waiters: [UInt64: Waiter] = [:]

        init(id: UInt64) {
            self.id = id
        }
    }

    private enum Entry {
        case computing(Computation)
        case value(Value)
    }

    private struct State {
        var nextID: UInt64 = 0
        var entries: [String: Entry] = [:]

        mutating func makeID() -> UInt64 {
            nextID += 1
            return nextID
        }
    }

    private let tasks: BackgroundTasks
    private let state = Mutex(State())

    /// Creates an empty memo whose computations run as `tasks`.
    public init(tasks: BackgroundTasks) {
        self.tasks = tasks
    }

    /// The remembered value for `key`, computing it with `compute` when no
    /// value is remembered and no computation is under way.
    ///
    /// - Throws: `CancellationError` when the calling task is cancelled while
    ///   waiting; otherwise what `compute` threw.
    public func value(
        for key: String,
        compute: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        let waiterID = state.withLock { $0.makeID() }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (waiter: Waiter) in
                let ready: Result<Value, any Error>? = state.withLock { state in
                    switch state.entries[key] {
                    case .value(let value):
                        return .success(value)
                    case _ where Task.isCancelled:
                        return .failure(CancellationError())
                    case .computing(let computation):
                        computation.waiters[waiterID] = waiter
                    case nil:
                        let computation = Computation(id: state.makeID())
                        computation.waiters[waiterID] = waiter
                        computation.task = start(key: key, id: computation.id, compute: compute)
                        state.entries[key] = .computing(computation)
                    }
                    return nil
                }
                if let ready { waiter.resume(with: ready) }
            }
        } onCancel: {
            leave(key: key, waiterID: waiterID)
        }
    }

    /// How many callers are waiting for the computation of `key` now.
    func waiterCount(for key: String) -> Int {
        state.withLock { state in
            guard case .computing(let computation)? = state.entries[key] else { return 0 }
            return computation.waiters.count
        }
    }

    /// Starts computation `id` of `key`; it ends by handing its result to the waiters.
    private func start(
        key: String, id: UInt64, compute: @escaping @Sendable () async throws -> Value
    ) -> Task<Void, any Error> {
        tasks.spawn {
            let result: Result<Value, any Error>
            do {
                result = .success(try await compute())
            } catch {
                result = .failure(error)
            }
            self.finish(key: key, id: id, with: result)
        }
    }

    private func finish(key: String, id: UInt64, with result: Result<Value, any Error>) {
        let waiters: [Waiter] = state.withLock { state in
            guard case .computing(let computation)? = state.entries[key], computation.id == id else { return [] }
            switch result {
            case .success(let value): state.entries[key] = .value(value)
            case .failure: state.entries[key] = nil
            }
            return Array(computation.waiters.values)
        }
        for waiter in waiters { waiter.resume(with: result) }
    }

    /// Removes a cancelled waiter; the last one out cancels the computation.
    private func leave(key: String, waiterID: UInt64) {
        let (waiter, abandoned): (Waiter?, Task<Void, any Error>?) = state.withLock { state in
            guard case .computing(let computation)? = state.entries[key],
                let waiter = computation.waiters.removeValue(forKey: waiterID)
            else { return (nil, nil) }
            guard computation.waiters.isEmpty else { return (waiter, nil) }
            state.entries[key] = nil
            return (waiter, computation.task)
        }
        abandoned?.cancel()
        waiter?.resume(throwing: CancellationError())
    }
}
