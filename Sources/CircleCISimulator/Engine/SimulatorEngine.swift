import Foundation

/// A response plus how it should travel: whole, with its body spread over
/// some time, cut off part-way, or not at all.
struct SimulatorDelivery: Sendable {
    var response: SimulatorResponse
    /// When set, the body arrives over this long (headers first).
    var bodyDuration: Duration?
    /// When set, the connection breaks after part of the body.
    var cut: ConnectionCut?
    /// True when the request was never answered (``SimulatorFault/noResponse``);
    /// the engine returns only once its task is cancelled.
    var unanswered = false
}

/// How a connection breaks part-way through a body.
struct ConnectionCut: Sendable, Hashable {
    /// The bytes of the body sent before the break.
    var afterBytes: Int
    /// True for a reset (TCP RST), false for an orderly close.
    var reset: Bool
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
        let target = FaultTarget(host: request.host, method: request.method, path: request.path,
                                 operationID: operationID, page: Pagination.requestedPage(request.query))
        let (latency, fault) = await faults.next(for: target)
        var pause = latency
        if case let .delay(extra) = fault { pause += extra }
        if pause > .zero { try? await Task.sleep(for: pause) }
        if fault == .noResponse {
            while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
            return SimulatorDelivery(response: SimulatorResponse(status: 0), unanswered: true)
        }

        var delivery: SimulatorDelivery
        if let fault, let replacement = FaultResponses.response(for: fault, to: request, rendering: rendering) {
            delivery = SimulatorDelivery(response: replacement)
        } else {
            delivery = SimulatorDelivery(response: await respond(match, request: request, auth: auth,
                                                                 rendering: rendering))
            let size = delivery.response.body.count
            switch fault {
            case let .truncatedBody(keeping)?:
                delivery.response.body = delivery.response.body.prefix(min(size, keeping ?? size / 2))
            case let .slowBody(duration)?:
                delivery.bodyDuration = duration
            case let .cutShortBody(keeping)?:
                delivery.cut = ConnectionCut(afterBytes: min(size, keeping ?? size / 2), reset: false)
            case let .connectionReset(after)?:
                delivery.cut = ConnectionCut(afterBytes: min(size, after ?? size / 2), reset: true)
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
        if match.isAPI, let rejection = auth.rejection { return rejection }
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
