import Synchronization

/// The unstructured tasks one evaluation starts, so that it can cancel and
/// await them when it ends.
///
/// Concurrent stream stages (``ValueStream/mapConcurrently(window:tasks:_:)``,
/// ``ValueStream/flatMapConcurrently(window:tasks:_:)``) and the ``Memo``
/// start work that outlives the call that started it: read-ahead, a shared
/// computation. The engine ends every run, whether it succeeded, failed or
/// was interrupted, with ``cancelAllAndWait()``, so no request is still in
/// flight when the run returns.
///
/// Cheap enough for tens of thousands of tasks: a task is forgotten as soon
/// as it ends.
public final class BackgroundTasks: Sendable {
    private struct State {
        var nextID: UInt64 = 0
        var running: [UInt64: any RunningTask] = [:]
        /// How many ``cancelAllAndWait()`` calls are under way; tasks started
        /// meanwhile start cancelled.
        var draining = 0
    }

    private let state = Mutex(State())

    /// Creates an empty registry.
    public init() {}

    /// How many started tasks have not ended yet.
    public var count: Int { state.withLock { $0.running.count } }

    /// Starts `operation` in a new unstructured task and tracks it until it ends.
    ///
    /// Like `Task {}`, the task inherits the caller's priority and task-local
    /// values (such as the request limiter). Unlike it, the task starts
    /// cancelled when the caller is already cancelled or a
    /// ``cancelAllAndWait()`` is under way.
    @discardableResult
    public func spawn<Success: Sendable>(
        _ operation: @escaping @Sendable () async throws -> Success
    ) -> Task<Success, any Error> {
        let callerCancelled = Task.isCancelled
        return state.withLock { state in
            state.nextID += 1
            let id = state.nextID
            let task = Task {
                defer { self.forget(id) }
                return try await operation()
            }
            state.running[id] = task
            if callerCancelled || state.draining > 0 { task.cancel() }
            return task
        }
    }

    /// Cancels every task still running and waits until all have ended,
    /// including any they start meanwhile.
    public func cancelAllAndWait() async {
        state.withLock { $0.draining += 1 }
        defer { state.withLock { $0.draining -= 1 } }
        while true {
            let running = state.withLock { Array($0.running.values) }
            guard !running.isEmpty else { return }
            for task in running { task.cancel() }
            for task in running { await task.waitUntilEnded() }
        }
    }

    private func forget(_ id: UInt64) {
        _ = state.withLock { $0.running.removeValue(forKey: id) }
    }
}

/// A task of any result type, as ``BackgroundTasks`` holds it.
private protocol RunningTask: Sendable {
    func cancel()
    func waitUntilEnded() async
}

extension Task: RunningTask {
    fileprivate func waitUntilEnded() async {
        _ = await result
    }
}
