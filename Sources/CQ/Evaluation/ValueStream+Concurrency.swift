extension ValueStream {
    /// The stream of `transform(element)`, running up to `width` transforms ahead
    /// of the consumer while keeping the source order.
    ///
    /// The source is pulled at most `width` elements ahead of what is consumed;
    /// transforms still pending when iteration stops are cancelled.
    public func mapConcurrently(
        width: Int,
        _ transform: @escaping @Sendable (Value) async throws -> Value
    ) -> ValueStream {
        let base = self
        return ValueStream {
            let window = Window(base.makeAsyncIterator(), width: Swift.max(1, width), transform: transform)
            return { try await window.next() }
        }
    }
}

/// The in-flight transforms of ``ValueStream/mapConcurrently(width:_:)``.
///
/// Owned by one iteration, which runs in one task; not shared.
private final class Window {
    private var source: ValueStream.AsyncIterator
    private var pending: [Task<Value, any Error>] = []
    private var exhausted = false
    private let width: Int
    private let transform: @Sendable (Value) async throws -> Value

    init(_ source: ValueStream.AsyncIterator, width: Int, transform: @escaping @Sendable (Value) async throws -> Value) {
        self.source = source
        self.width = width
        self.transform = transform
    }

    deinit {
        for task in pending { task.cancel() }
    }

    func next() async throws -> Value? {
        while pending.count < width, !exhausted {
            guard let value = try await source.next() else {
                exhausted = true
                break
            }
            let transform = self.transform
            pending.append(Task { try await transform(value) })
        }
        guard !pending.isEmpty else { return nil }
        let task = pending.removeFirst()
        let others = pending
        return try await withTaskCancellationHandler {
            try await task.value
        } onCancel: {
            task.cancel()
            for other in others { other.cancel() }
        }
    }
}
