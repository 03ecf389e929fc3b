import CircleCI
import Foundation
import HTTPTypes
import Synchronization

/// A request as the scripted transport received it.
struct RecordedRequest: Sendable {
    var method: HTTPRequest.Method
    var path: String
    var authority: String?
    var headers: HTTPFields
    var body: Data?
    var baseURL: URL
    var operationID: String

    /// The path without the query.
    var pathOnly: String { String(path.split(separator: "?", maxSplits: 1).first ?? "") }

    /// The raw query string, or "".
    var query: String {
        let parts = path.split(separator: "?", maxSplits: 1)
        return parts.count == 2 ? String(parts[1]) : ""
    }

    /// Decoded query items, in order.
    var queryItems: [URLQueryItem] {
        URLComponents(string: "http://x" + path)?.queryItems ?? []
    }
}

/// An in-process transport that answers from a closure and records every request.
final class ScriptedTransport: ClientTransport {
    typealias Handler = @Sendable (RecordedRequest, Int) async throws -> (Int, [String: String], String)

    private let handler: Handler
    private let log = Mutex<[RecordedRequest]>([])

    /// `handler` gets the request and its 0-based index and returns status, headers and body.
    init(_ handler: @escaping Handler) {
        self.handler = handler
    }

    /// Always answers `status` with `body`.
    convenience init(status: Int = 200, headers: [String: String] = [:], body: String) {
        self.init { _, _ in (status, headers, body) }
    }

    var requests: [RecordedRequest] { log.withLock { $0 } }

    func send(
        _ request: HTTPRequest, body: Data?, baseURL: URL, operationID: String
    ) async throws -> (HTTPResponse, Data) {
        let recorded = RecordedRequest(
            method: request.method, path: request.path ?? "", authority: request.authority,
            headers: request.headerFields, body: body, baseURL: baseURL, operationID: operationID)
        let index = log.withLock { log in
            log.append(recorded)
            return log.count - 1
        }
        let (status, headers, text) = try await handler(recorded, index)
        var response = HTTPResponse(status: .init(code: status))
        for (name, value) in headers {
            if let field = HTTPField.Name(name) { response.headerFields[field] = value }
        }
        return (response, Data(text.utf8))
    }
}

/// A clock whose sleeps return at once and are recorded.
final class InstantClock: Sendable {
    private let sleeps = Mutex<[Duration]>([])
    let now: Date

    init(now: Date = Date(timeIntervalSince1970: 1_700_000_000)) {
        self.now = now
    }

    var recordedSleeps: [Duration] { sleeps.withLock { $0 } }

    var clock: ClientClock {
        ClientClock(now: { [now] in now }, sleep: { [self] duration in self.sleeps.withLock { $0.append(duration) } })
    }
}

let testToken = "tok-SECRET-1234567890"

/// A client over `transport` with an instant clock and no jitter.
func makeClient(
    _ transport: any ClientTransport,
    host: String = "https://circleci.com",
    token: String? = testToken,
    clock: InstantClock = InstantClock(),
    retry: RetryPolicy = RetryPolicy(jitter: 0),
    requestTimeout: Duration = .seconds(5),
    middlewares: [any ClientMiddleware] = []
) throws -> CircleCIClient {
    var configuration = try CircleCIConfiguration(host: host, token: token)
    configuration.clock = clock.clock
    configuration.retryPolicy = retry
    configuration.requestTimeout = requestTimeout
    return CircleCIClient(configuration: configuration, transport: transport, middlewares: middlewares)
}

/// Builds a JSON page of `count` items made by `item`, with an optional next token.
func page(_ items: [String], next: String?) -> String {
    let token = next.map { "\"\($0)\"" } ?? "null"
    return "{\"items\": [\(items.joined(separator: ","))], \"next_page_token\": \(token)}"
}
