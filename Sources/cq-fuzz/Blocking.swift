import Dispatch

/// Runs async work from a synchronous caller (libFuzzer's callback) and
/// waits for it on the caller's own thread, never on Swift's cooperative pool.
enum Blocking {
    static func run<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
        let done = DispatchSemaphore(value: 0)
        let result = Box<T>()
        Task {
            result.value = await work()
            done.signal()
        }
        done.wait()
        guard let value = result.value else { preconditionFailure("the work signalled without a result") }
        return value
    }

    private final class Box<T>: @unchecked Sendable {
        var value: T?
    }
}
