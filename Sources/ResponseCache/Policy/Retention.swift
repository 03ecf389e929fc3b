/// How long a stored response may be served.
enum Retention: Sendable, Hashable {
    /// It can never change: kept until evicted by size.
    case settled
    /// It may still change: served for the cache's time to live, then re-fetched.
    case expiring
}
