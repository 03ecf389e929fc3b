import Foundation

/// How long a stored response may be served.
enum Retention: Sendable, Hashable {
    /// It can never change: kept until evicted by size.
    case settled
    /// It may still change: served for the cache's time to live, then re-fetched.
    case expiring
    /// It cannot change but holds something that stops working at a known
    /// time (presigned URLs): served until then.
    case until(Date)
}
