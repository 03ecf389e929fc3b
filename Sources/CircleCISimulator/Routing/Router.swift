import Foundation

/// Maps a request to its route: `/api/v2/…` and `/api/v1.1/…` on the API
/// host, `/output/…` on the output host. The output host also answers the API
/// paths, as a second CircleCI host would (the target of
/// ``SimulatorFault/crossHostRedirect(status:)``).
enum Router {
    struct Match: Sendable {
        let route: Route
        let parameters: [String: String]
        /// An API route, which needs the token on either host.
        var isAPI = true
    }

    static let v2: [Route] = PipelineEndpoints.routes + WorkflowEndpoints.routes + ProjectEndpoints.routes
        + AccountEndpoints.routes + ContextEndpoints.routes + InsightsEndpoints.routes + WriteEndpoints.routes
    static let v1: [Route] = V1Endpoints.routes
    static let output: [Route] = OutputEndpoints.routes

    static func match(_ request: SimulatorRequest) -> Match? {
        let (routes, path, isAPI): ([Route], String, Bool)
        if let rest = strip("/api/v2", from: request.path) {
            (routes, path, isAPI) = (v2, rest, true)
        } else if let rest = strip("/api/v1.1", from: request.path) {
            (routes, path, isAPI) = (v1, rest, true)
        } else if request.host == .output {
            (routes, path, isAPI) = (output, request.path, false)
        } else {
            return nil
        }
        for route in routes where route.method == request.method {
            if let parameters = route.pattern.match(path) {
                return Match(route: route, parameters: parameters, isAPI: isAPI)
            }
        }
        return nil
    }

    private static func strip(_ prefix: String, from path: String) -> String? {
        guard path == prefix || path.hasPrefix(prefix + "/") else { return nil }
        return String(path.dropFirst(prefix.count))
    }
}
