extension ValueStream {
    /// The stream of `transform(element)`, running up to `window` transforms
    /// at once while keeping the source order.
    ///
    /// See ``flatMapConcurrently(window:tasks:_:)`` for the guarantees: the
    /// same, with one output per element.
    public func mapConcurrently(
        window: Int,
        slowStart: Bool = false,
        tasks: BackgroundTasks,
        _ transform: @escaping @Sendable (Value) async throws -> Value
    ) -> ValueStream {
        fanOut(window: window, slowStart: slowStart, tasks: tasks) { [try await transform($0)] }
    }

    /// For each element, the elements of the stream `transform` returns, each
    /// stream read to its end in a task of its own, up to `window` at once:
    /// an ordered, concurrent fan-out.
    ///
    /// - Order: the output is exactly that of ``flatMap(_:)``.
    /// - Bounded read-ahead: at most `window` elements are pulled from the
    ///   source and not yet wholly emitted (counting one being pulled), so
    ///   `… | take 5` pulls at most one window more than it needs.
    /// - Slow start: with `slowStart`, the window opens as the consumer
    ///   proves it wants more: it starts at one element and grows by one for
    ///   each element consumed, up to `window` (doubling every round trip).
    ///   For a consumer that may stop early, such as a `first` downstream.
    /// - Pipelined: a transform starts as soon as its element arrives, while
    ///   the source keeps paging in a task of its own; nothing starts before
    ///   the first `next()`.
    /// - Errors in order: when element *k*'s transform (or the source, at
    ///   *k*) fails, everything before *k* is emitted first, then the error
    ///   is thrown and the iteration ends.
    /// - Stopping: when the iterator is dropped, or the consuming task is
    ///   cancelled while it waits, the source and every pending transform are
    ///   cancelled. Their tasks are registered with `tasks`, so the engine can
    ///   await them with ``BackgroundTasks/cancelAllAndWait()``.
    public func flatMapConcurrently(
        window: Int,
        slowStart: Bool = false,
        tasks: BackgroundTasks,
        _ transform: @escaping @Sendable (Value) async throws -> ValueStream
    ) -> ValueStream {
        fanOut(window: window, slowStart: slowStart, tasks: tasks) { try await transform($0).collect() }
    }

    private func fanOut(
        window: Int,
        slowStart: Bool,
        tasks: BackgroundTasks,
        _ transform: @escaping @Sendable (Value) async throws -> [Value]
    ) -> ValueStream {
        let source = self
        return ValueStream {
            let fanOut = OrderedFanOut(
                source: source, window: Swift.max(1, window), slowStart: slowStart, tasks: tasks,
                transform: transform)
            return { try await fanOut.next() }
        }
    }
}
