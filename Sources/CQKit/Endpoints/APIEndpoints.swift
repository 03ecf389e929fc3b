import CQ

/// The requests the CircleCI builtins make, as ``Endpoint`` metadata for
/// `cq explain` and the planner. Paths and parameters follow the OpenAPI
/// document; `{name}` is an argument, `{.field}` a field of the input row.
enum APIEndpoints {
    /// `?branch=…`, or `all-branches=true` when asked; neither means the
    /// project's default branch.
    static let insightsBranch: [Endpoint.QueryItem] = [
        .init("branch", from: "branch"), .init("all-branches", constant: "true", when: .isTrue("all_branches")),
    ]

    /// `?reporting-window=…` when `window:` is given.
    static let reportingWindow = Endpoint.QueryItem("reporting-window", from: "window")

    /// `?start-date=…&end-date=…` from `since:` and `until:`.
    static let dateRange: [Endpoint.QueryItem] = [.init("start-date", from: "since"), .init("end-date", from: "until")]
}

extension Endpoint {
    /// This endpoint, used only when `condition` holds.
    func when(_ condition: Condition) -> Endpoint {
        var copy = self
        copy.condition = condition
        return copy
    }
}
