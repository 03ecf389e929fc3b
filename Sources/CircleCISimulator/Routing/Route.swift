import Foundation

/// Everything an endpoint may read about its request.
struct RequestContext: Sendable {
    let request: SimulatorRequest
    /// Decoded path parameters by name (`project-slug`, `id`, …).
    let parameters: [String: String]
    let rendering: RenderContext

    var query: [QueryItem] { request.query }

    func parameter(_ name: String) -> String { parameters[name] ?? "" }

    /// The first value of query parameter `name`.
    func queryValue(_ name: String) -> String? { query.first { $0.name == name }?.value }

    /// Every value of a repeatable query parameter.
    func queryValues(_ name: String) -> [String] { query.filter { $0.name == name }.map(\.value) }

    /// The body parsed as JSON; an empty body is `nil`, invalid JSON throws 400.
    func jsonBody() throws(APIError) -> JSON? {
        guard let body = request.body, !body.isEmpty else { return nil }
        guard let json = JSON.parse(body) else { throw .badRequest("Unexpected request body provided.") }
        return json
    }
}

/// Where URLs in responses point: the output host differs per transport.
struct RenderContext: Sendable {
    /// Base of presigned step-output URLs, e.g. `http://127.0.0.2:5678`.
    let outputBaseURL: String
}

/// How an endpoint touches the world.
enum RouteHandler: Sendable {
    /// A pure read of a snapshot.
    case read(@Sendable (World, RequestContext) throws(APIError) -> SimulatorResponse)
    /// A mutation, run exclusively on the world store.
    case write(@Sendable (inout World, RequestContext) throws(APIError) -> SimulatorResponse)
}

/// One operation: method, path pattern, OpenAPI operation id and handler.
struct Route: Sendable {
    let method: String
    let pattern: PathPattern
    let operationID: String
    let handler: RouteHandler

    init(_ method: String, _ template: String, _ operationID: String, _ handler: RouteHandler) {
        self.method = method
        self.pattern = PathPattern(template)
        self.operationID = operationID
        self.handler = handler
    }

    static func get(_ template: String, _ operationID: String,
                    _ body: @escaping @Sendable (World, RequestContext) throws(APIError) -> SimulatorResponse) -> Route {
        Route("GET", template, operationID, .read(body))
    }

    static func post(_ template: String, _ operationID: String,
                     _ body: @escaping @Sendable (inout World, RequestContext) throws(APIError) -> SimulatorResponse)
        -> Route {
        Route("POST", template, operationID, .write(body))
    }
}
