import Synchronization

/// Where the driver of an ``OrderedFanOut`` and its consumer meet: the slots
/// that bound read-ahead, and the outputs of each element, by index, until
/// the consumer takes them in order.
final class FanOutChannel: Sendable {
    /// What the consumer gets for one index.
    enum Delivery {
        /// The element's outputs.
        case outputs([Value])
        /// The source ended before this index.
        case end
    }

    private struct State {
        var freeSlots: Int
        /// Slots still to add, one per slot released (slow start).
        var growth: Int
        var driver: CheckedContinuation<Void, any Error>?
        var results: [Int: Result<[Value], any Error>] = [:]
        var end: (index: Int, error: (any Error)?)?
        var consumer: (index: Int, continuation: CheckedContinuation<Delivery, any Error>)?

        /// What index `index` holds, if it is known yet.
        mutating func delivery(at index: Int) -> Result<Delivery, any Error>? {
            if let result = results.removeValue(forKey: index) { return result.map(Delivery.outputs) }
            guard let end, end.index == index else { return nil }
            return end.error.map { .failure($0) } ?? .success(.end)
        }
    }

    private let state: Mutex<State>

    /// Creates a channel with `window` slots, or, with `slowStart`, one slot
    /// that grows by one with each slot released until there are `window`.
    init(window: Int, slowStart: Bool = false) {
        let initial = slowStart ? 1 : window
        state = Mutex(State(freeSlots: initial, growth: window - initial))
    }

    // MARK: The driver's side

    /// Waits for a free slot before pulling the next element.
    func acquireSlot() async throws {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let ready: Result<Void, any Error>? = state.withLock { state in
                    if Task.isCancelled { return .failure(CancellationError()) }
                    guard state.freeSlots > 0 else {
                        state.driver = continuation
                        return nil
                    }
                    state.freeSlots -= 1
                    return .success(())
                }
                if let ready { continuation.resume(with: ready) }
            }
        } onCancel: {
            state.withLock { state in
                defer { state.driver = nil }
                return state.driver
            }?.resume(throwing: CancellationError())
        }
    }

    /// Hands over the outputs (or the failure) of element `index`.
    func resolve(_ index: Int, with result: Result<[Value], any Error>) {
        let consumer = state.withLock { state in
            guard let consumer = state.consumer, consumer.index == index else {
                state.results[index] = result
                return nil as CheckedContinuation<Delivery, any Error>?
            }
            state.consumer = nil
            return consumer.continuation
        }
        consumer?.resume(with: result.map(Delivery.outputs))
    }

    /// Records that the source ended (with `error`, if it failed) before element `index`.
    func finish(at index: Int, error: (any Error)?) {
        let consumer = state.withLock { state in
            state.end = (index, error)
            guard let consumer = state.consumer, consumer.index == index else {
                return nil as CheckedContinuation<Delivery, any Error>?
            }
            state.consumer = nil
            return consumer.continuation
        }
        consumer?.resume(with: error.map { .failure($0) } ?? .success(.end))
    }

    // MARK: The consumer's side

    /// Waits for what element `index` delivers.
    ///
    /// - Throws: the element's failure, the source's failure at `index`, or
    ///   `CancellationError` at once when the consuming task is cancelled.
    func take(_ index: Int) async throws -> Delivery {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let ready: Result<Delivery, any Error>? = state.withLock { state in
                    if let ready = state.delivery(at: index) { return ready }
                    if Task.isCancelled { return .failure(CancellationError()) }
                    state.consumer = (index, continuation)
                    return nil
                }
                if let ready { continuation.resume(with: ready) }
            }
        } onCancel: {
            state.withLock { state in
                defer { state.consumer = nil }
                return state.consumer?.continuation
            }?.resume(throwing: CancellationError())
        }
    }

    /// Gives back the slot of an element wholly emitted (and, while the
    /// window is still opening, one more).
    func releaseSlot() {
        let driver = state.withLock { state in
            if state.growth > 0 {
                state.growth -= 1
                state.freeSlots += 1
            }
            guard let driver = state.driver else {
                state.freeSlots += 1
                return nil as CheckedContinuation<Void, any Error>?
            }
            state.driver = nil
            return driver
        }
        driver?.resume()
    }
}
