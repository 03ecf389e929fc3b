/// What a caller knows about the entity it is about to read, told to response caches.
///
/// A cache decides from a response itself whether it can still change: a
/// finished job's details, a finished workflow's jobs. Some responses carry no
/// status of their own (a job's tests, its artifacts, the output of one of its
/// steps), yet a caller that has just read the job knows it finished. It says
/// so for the calls it makes inside a scope:
///
/// ```swift
/// if details.status.isFinished {
///     let tests = try await CacheHint.$current.withValue(.settled) {
///         try await client.tests(project: slug, jobNumber: details.number).collect()
///     }
/// }
/// ```
///
/// The hint is a task-local value, so it reaches every request of the scope,
/// child tasks included, through any ``ClientMiddleware`` that reads
/// ``current``. It only marks what a cache may keep; it never makes a request
/// answer from a cache that would not otherwise.
public enum CacheHint: Sendable, Hashable {
    /// Nothing is known: a cache decides from the response alone.
    case unknown
    /// The entity is finished: what is read about it can no longer change and
    /// may be kept until evicted.
    case settled

    /// The hint for requests made in the current task; ``unknown`` unless a caller set it.
    @TaskLocal public static var current: CacheHint = .unknown
}
