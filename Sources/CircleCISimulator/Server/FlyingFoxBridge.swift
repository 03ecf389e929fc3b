import FlyingFox
import Foundation
import Synchronization

/// Converts FlyingFox requests to simulator requests and back. Every
/// response closes the connection: FlyingFox stalls ~40 ms per keep-alive
/// request otherwise.
struct FlyingFoxBridge: HTTPHandler {
    let engine: SimulatorEngine
    let host: SimulatorHost
    /// Base of presigned step-output URLs (only used on the API host).
    let outputBase: String
    /// The port this bridge's listener is bound to, once it is.
    let port: ListeningPort

    /// Answers one request through the engine.
    ///
    /// The request counts in the log's in flight until the response is handed
    /// to FlyingFox or, for a slow body, until its last piece is.
    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let open = engine.log.open()
        let headers = request.headers.map { (name: $0.key.rawValue, value: $0.value) }
        let delivery: SimulatorDelivery
        do {
            let body = try await request.bodyData
            let simulated = SimulatorRequest(host: host, method: request.method.rawValue,
                                             target: request.target.rawValue, headers: headers,
                                             body: body.isEmpty ? nil : body)
            delivery = await engine.handle(simulated, rendering: RenderContext(outputBaseURL: outputBase))
        } catch {
            open.end()
            throw error
        }
        if delivery.unanswered {
            open.end()
            throw CancellationError()
        }
        var fields = HTTPHeaders()
        for header in delivery.response.headers {
            fields.addValue(header.value, for: HTTPHeader(header.name))
        }
        fields[.contentLength] = String(delivery.response.body.count)
        fields[.connection] = "close"
        let status = HTTPStatusCode(delivery.response.status, phrase: Self.phrase(for: delivery.response.status))
        if let cut = delivery.cut {
            if cut.reset, case let .ip4(ip, port: peerPort)? = request.remoteAddress, let port = port.value {
                ConnectionReset.arm(peerIP: ip, peerPort: peerPort, localPort: port)
            }
            let bytes = CutBytes(data: delivery.response.body, afterBytes: cut.afterBytes, open: open)
            return HTTPResponse(statusCode: status, headers: fields,
                                body: HTTPBodySequence(from: bytes, count: delivery.response.body.count,
                                                       suggestedBufferSize: 4096))
        }
        guard let duration = delivery.bodyDuration else {
            open.end()
            return HTTPResponse(statusCode: status, headers: fields, body: delivery.response.body)
        }
        let trickle = TrickleBytes(data: delivery.response.body, over: duration, open: open)
        return HTTPResponse(statusCode: status, headers: fields,
                            body: HTTPBodySequence(from: trickle, count: delivery.response.body.count,
                                                   suggestedBufferSize: 64))
    }

    private static func phrase(for status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status \(status)"
        }
    }
}

/// The port a listener is bound to, known only once it listens.
final class ListeningPort: Sendable {
    private let storage = Mutex<UInt16?>(nil)

    var value: UInt16? { storage.withLock { $0 } }

    func set(_ port: UInt16) { storage.withLock { $0 = port } }
}
