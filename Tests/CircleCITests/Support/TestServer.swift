import FlyingFox
import Foundation
import Synchronization

/// A request as the loopback test server received it.
struct ServerRequest: Sendable {
    var method: String
    var path: String
    var query: [String: String]
    var headers: [String: String]
    var body: Data

    /// A header by case-insensitive name.
    func header(_ name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// What the test server answers.
struct ServerReply: Sendable {
    var status: Int = 200
    var headers: [String: String] = ["Content-Type": "application/json"]
    var body: String = ""
    /// How long to wait before answering.
    var delay: Duration = .zero
}

/// A FlyingFox server on a loopback address and an ephemeral port.
///
/// Every reply carries `Connection: close`: FlyingFox otherwise stalls about
/// 44 ms on each keep-alive request (Nagle and delayed ACK).
final class TestServer: Sendable {
    typealias Responder = @Sendable (ServerRequest, Int) async throws -> ServerReply

    private let server: HTTPServer
    private let task: Task<Void, any Error>
    private let log: Log
    /// `http://<ip>:<port>`.
    let baseURL: URL

    private init(server: HTTPServer, task: Task<Void, any Error>, log: Log, baseURL: URL) {
        self.server = server
        self.task = task
        self.log = log
        self.baseURL = baseURL
    }

    /// Requests received so far.
    var requests: [ServerRequest] { log.entries.withLock { $0 } }

    /// Starts a server on `ip` that answers with `respond(request, index)`.
    static func start(ip: String = "127.0.0.1", _ respond: @escaping Responder) async throws -> TestServer {
        let log = Log()
        let server = HTTPServer(
            address: try .inet(ip4: ip, port: 0), timeout: 30, logger: .disabled,
            handler: Handler(log: log, respond: respond))
        let task = Task { try await server.run() }
        try await server.waitUntilListening()
        guard case .ip4(_, let port)? = await server.listeningAddress,
            let url = URL(string: "http://\(ip):\(port)")
        else {
            task.cancel()
            throw CancellationError()
        }
        return TestServer(server: server, task: task, log: log, baseURL: url)
    }

    /// Stops the server.
    func stop() async {
        await server.stop(timeout: 0)
        task.cancel()
    }

    final class Log: Sendable {
        let entries = Mutex<[ServerRequest]>([])
    }

    private struct Handler: HTTPHandler {
        let log: Log
        let respond: Responder

        func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
            var headers: [String: String] = [:]
            for (name, value) in request.headers { headers[name.rawValue] = value }
            var query: [String: String] = [:]
            for item in request.query { query[item.name] = item.value }
            let received = ServerRequest(
                method: request.method.rawValue, path: request.path, query: query, headers: headers,
                body: try await request.bodyData)
            let index = log.entries.withLock { entries in
                entries.append(received)
                return entries.count - 1
            }
            let reply = try await respond(received, index)
            if reply.delay > .zero { try await Task.sleep(for: reply.delay) }
            var responseHeaders = HTTPHeaders()
            for (name, value) in reply.headers { responseHeaders[HTTPHeader(name)] = value }
            responseHeaders[.connection] = "close"
            return HTTPResponse(
                statusCode: HTTPStatusCode(reply.status, phrase: "Status"), headers: responseHeaders,
                body: Data(reply.body.utf8))
        }
    }
}
