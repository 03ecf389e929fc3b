/// A request was not sent: the ``RequestLimiter`` bound to the task had
/// already let through its whole budget of requests.
public struct RequestBudgetExceeded: Error, Sendable, Hashable, CustomStringConvertible {
    /// The budget that ran out.
    public let budget: Int

    public var description: String { "the query needed more than \(budget) requests, its limit" }
}
