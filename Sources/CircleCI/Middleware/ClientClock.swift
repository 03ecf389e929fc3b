import Foundation

/// The client's source of time for waits: retry back-off, `Retry-After` and
/// rate-limit pauses.
///
/// Tests inject a clock whose `sleep` returns at once (and records what it was
/// asked), so they never wait real seconds. Time limits (``TimeoutMiddleware``
/// and the call deadline) always use real time.
public struct ClientClock: Sendable {
    /// The current wall-clock time, for `Retry-After` HTTP dates and rate-limit resets.
    public var now: @Sendable () -> Date
    /// Waits for a duration; must throw `CancellationError` when the task is cancelled.
    public var sleep: @Sendable (Duration) async throws -> Void

    /// Creates a clock.
    public init(now: @escaping @Sendable () -> Date, sleep: @escaping @Sendable (Duration) async throws -> Void) {
        self.now = now
        self.sleep = sleep
    }

    /// Real time: `Date()` and `Task.sleep(for:)`.
    public static let system = ClientClock(now: { Date() }, sleep: { try await Task.sleep(for: $0) })
}
