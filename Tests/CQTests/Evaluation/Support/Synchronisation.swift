import Synchronization
import Testing

/// A one-way barrier: tasks wait until it is opened. Waiting throws
/// `CancellationError` when the waiting task is cancelled.
final class Gate: Sendable {
    private struct State {
        var isOpen = false
        var nextID = 0
        var waiters: [Int: CheckedContinuation<Void, any Error>] = [:]
    }

    private let state = Mutex(State())

    /// How many tasks are waiting now.
    var waiting: Int { state.withLock { $0.waiters.count } }

    /// Waits until ``open()``.
    func wait() async throws {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await enter(id, cancellable: true)
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume(throwing: CancellationError())
        }
    }

    /// Waits until ``open()``, even when the task is cancelled (like cleanup that takes a while).
    func waitIgnoringCancellation() async {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        try? await enter(id, cancellable: false)
    }

    private func enter(_ id: Int, cancellable: Bool) async throws {
        try await withCheckedThrowingContinuation { continuation in
            let outcome: Result<Void, any Error>? = state.withLock { state in
                if state.isOpen { return .success(()) }
                if cancellable, Task.isCancelled { return .failure(CancellationError()) }
                state.waiters[id] = continuation
                return nil
            }
            if let outcome { continuation.resume(with: outcome) }
        }
    }

    /// Lets every waiter, present and future, through.
    func open() {
        let waiters = state.withLock { state in
            state.isOpen = true
            defer { state.waiters = [:] }
            return state.waiters.values
        }
        for waiter in waiters { waiter.resume() }
    }
}

/// A value tasks share, behind a lock.
final class Locked<Value: Sendable>: Sendable {
    private let storage: Mutex<Value>

    init(_ value: Value) { storage = Mutex(value) }

    /// The value now.
    var value: Value { storage.withLock { $0 } }

    /// Changes the value and returns what `change` returns.
    @discardableResult
    func update<Result: Sendable>(_ change: (inout Value) -> Result) -> Result { storage.withLock { change(&$0) } }
}

/// Polls `condition` until it holds (no time is asserted: the limit only
/// turns a hang into a failure).
func waitUntil(
    _ condition: @Sendable () async -> Bool, sourceLocation: SourceLocation = #_sourceLocation
) async throws {
    let deadline = ContinuousClock.now + .seconds(120)
    while !(await condition()) {
        guard ContinuousClock.now < deadline else {
            Issue.record("condition never held", sourceLocation: sourceLocation)
            throw CancellationError()
        }
        try await Task.sleep(for: .milliseconds(2))
    }
}
