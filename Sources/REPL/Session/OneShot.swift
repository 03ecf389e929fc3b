import Synchronization

/// A value that is set once, by whichever of several racing tasks gets there
/// first, and awaited by one waiter.
final class OneShot<Value: Sendable>: Sendable {
    private enum State {
        case waiting(CheckedContinuation<Value, Never>?)
        case resolved(Value)
    }

    private let state = Mutex(State.waiting(nil))

    /// Sets the value unless it is already set; returns whether this call set it.
    @discardableResult
    func resolve(_ value: Value) -> Bool {
        let outcome: (won: Bool, waiter: CheckedContinuation<Value, Never>?) = state.withLock { state in
            guard case .waiting(let waiter) = state else { return (false, nil) }
            state = .resolved(value)
            return (true, waiter)
        }
        outcome.waiter?.resume(returning: value)
        return outcome.won
    }

    var isResolved: Bool {
        state.withLock { if case .resolved = $0 { true } else { false } }
    }

    /// Suspends until the value is set. Only one task may wait.
    func value() async -> Value {
        await withCheckedContinuation { continuation in
            let ready: Value? = state.withLock { state in
                switch state {
                case .resolved(let value):
                    return value
                case .waiting:
                    state = .waiting(continuation)
                    return nil
                }
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }
}
