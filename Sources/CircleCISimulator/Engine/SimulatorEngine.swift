import Foundation

/// A response plus how it should travel: whole, or with its body spread
/// over some time.
struct SimulatorDelivery: Sendable {
    var response: SimulatorResponse
    /// When set, the body arrives over this long (headers first).
    var bodyDuration: Duration?
}

/// The request pipeline both transports share: route, authenticate, apply
/// latency and faults, run the endpoint, log.
struct SimulatorEngine: Sendable {
    let store: WorldStore
    let faults: FaultInjector
    let log: RequestLog
    let token: String

    func handle(_ request: SimulatorRequest, rendering: RenderContext) async -> SimulatorDelivery {
        let match = Router.match(request)
        let operationID = match?.route.operationID ?? "unknown"
        let auth = Authentication.of(request, expecting: token)
        await log.noteArrival()
        let (latency, fault) = await faults.next(host: request.host, method: request.method, path: request.path,
                                                 operationID: operationID)
        var pause = latency
        if case let .delay(extra) = fault { pause += extra }
        if pause > .zero { try? await Task.sleep(for: pause) }

        var delivery: SimulatorDelivery
        if let fault, let replacement = FaultResponses.response(for: fault) {
            delivery = SimulatorDelivery(response: replacement)
        } else {
            delivery = SimulatorDelivery(response: await respond(match, request: request, auth: auth,
                                                                 rendering: rendering))
            switch fault {
            case let .truncatedBody(keeping)?:
                let body = delivery.response.body
                delivery.response.body = body.prefix(min(body.count, keeping ?? body.count / 2))
            case let .slowBody(duration)?:
                delivery.bodyDuration = duration
            default:
                break
            }
        }
        await log.record(host: request.host, method: request.method, path: request.path, query: request.rawQuery,
                         operationID: operationID, authPresented: auth.wasPresented,
                         status: delivery.response.status, fault: fault)
        return delivery
    }

    private func respond(_ match: Router.Match?, request: SimulatorRequest, auth: Authentication,
                         rendering: RenderContext) async -> SimulatorResponse {
        guard let match else { return .message("Not found", status: 404) }
        if request.host == .api, let rejection = auth.rejection { return rejection }
        let context = RequestContext(request: request, parameters: match.parameters, rendering: rendering)
        switch match.route.handler {
        case let .read(handler):
            let world = await store.snapshot()
            do {
                return try handler(world, context)
            } catch {
                return error.response
            }
        case let .write(handler):
            return await store.apply(handler, context: context)
        }
    }
}

/// The bodies of faults that replace the real response.
enum FaultResponses {
    static func response(for fault: SimulatorFault) -> SimulatorResponse? {
        switch fault {
        case let .rateLimited(retryAfter, body):
            var response: SimulatorResponse = switch body {
            case .json: .message("Rate limit exceeded.", status: 429)
            case .emptyObject: .json(.object([]), status: 429)
            case .plainText:
                SimulatorResponse(status: 429, headers: [("Content-Type", "text/plain; charset=utf-8")],
                                  body: Data("Rate limited.".utf8))
            }
            response.headers += [("Retry-After", String(retryAfter)), ("RateLimit-Limit", "40"),
                                 ("RateLimit-Remaining", "0"), ("RateLimit-Reset", String(retryAfter))]
            return response
        case let .serverError(status):
            let text = switch status {
            case 502: "Bad gateway."
            case 503: "Service temporarily unavailable."
            case 504: "Gateway timeout."
            default: "Internal server error."
            }
            return .message(text, status: status)
        case let .htmlErrorPage(status):
            let title = "\(status) \(status == 503 ? "Service Temporarily Unavailable" : status == 504 ? "Gateway Time-out" : "Bad Gateway")"
            let html = "<html>\r\n<head><title>\(title)</title></head>\r\n<body>\r\n<center><h1>\(title)</h1></center>\r\n"
                + "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
            return SimulatorResponse(status: status, headers: [("Content-Type", "text/html")], body: Data(html.utf8))
        case .truncatedBody, .slowBody, .delay:
            return nil
        }
    }
}
