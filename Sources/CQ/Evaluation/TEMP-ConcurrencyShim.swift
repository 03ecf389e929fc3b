// TEMPORARY: replaced by the concurrency branch's primitives on merge.
public final class BackgroundTasks: Sendable {
    public init() {}
}

extension ValueStream {
    public func mapConcurrently(
        width: Int, tasks: BackgroundTasks, _ transform: @escaping @Sendable (Value) async throws -> Value
    ) -> ValueStream {
        mapConcurrently(width: width, transform)
    }

    public func flatMapConcurrently(
        window: Int, tasks: BackgroundTasks, _ transform: @escaping @Sendable (Value) async throws -> ValueStream
    ) -> ValueStream {
        mapConcurrently(width: window) { .list(try await transform($0).collect()) }.flatMap { ValueStream($0.listValue ?? []) }
    }
}

extension BackgroundTasks {
    public func cancelAll() {}
    public func waitForAll() async {}
}
