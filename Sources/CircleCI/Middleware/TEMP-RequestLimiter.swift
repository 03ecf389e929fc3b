// TEMPORARY: replaced by the concurrency branch's limiter on merge.
public final class RequestLimiter: Sendable {
    @TaskLocal public static var current: RequestLimiter?
    public init(limit: Int) {}
}
