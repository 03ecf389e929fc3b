import CircleCI
import Foundation
import HTTPTypes

/// A ``ClientTransport`` that answers from the simulator in-process, through
/// the same router, latency, faults and log as the loopback server.
///
/// Relative requests go to the API (`baseURL`'s path is prefixed). Absolute
/// requests must name the API authority (that of `baseURL`) or the output
/// authority of presigned step-output URLs; any other host fails like an
/// unknown host would.
public struct SimulatorTransport: ClientTransport {
    let engine: SimulatorEngine
    /// Where presigned step-output URLs point in-process.
    public let outputBaseURL: URL

    /// Answers `request` from the simulator; see ``ClientTransport/send(_:body:baseURL:operationID:)``.
    ///
    /// - Throws: `URLError(.cannotFindHost)` for an absolute request to an
    ///   unknown host; `CancellationError` when the task is cancelled (which is
    ///   how a request that is never answered ends); `TransportError(.connectionLost)`
    ///   over `URLError(.networkConnectionLost)` for a body cut short or a reset,
    ///   as the client's HTTP transport reports them.
    public func send(_ request: HTTPRequest, body: Data?, baseURL: URL,
                     operationID: String) async throws -> (HTTPResponse, Data) {
        try Task.checkCancellation()
        let open = engine.log.open()
        defer { open.end() }
        let host: SimulatorHost
        let target: String
        if let authority = request.authority, request.scheme != nil {
            if authority.lowercased() == Self.authority(of: outputBaseURL) {
                host = .output
            } else if authority.lowercased() == Self.authority(of: baseURL) {
                host = .api
            } else {
                throw URLError(.cannotFindHost)
            }
            target = request.path ?? "/"
        } else {
            host = .api
            var basePath = URLComponents(url: baseURL, resolvingAgainstBaseURL: false)?.percentEncodedPath ?? ""
            while basePath.hasSuffix("/") { basePath.removeLast() }
            target = basePath + (request.path ?? "/")
        }
        let headers = request.headerFields.map { (name: $0.name.canonicalName, value: $0.value) }
        let simulated = SimulatorRequest(host: host, method: request.method.rawValue, target: target,
                                         headers: headers, body: body)
        let delivery = await engine.handle(simulated, rendering: RenderContext(
            outputBaseURL: outputBaseURL.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/"))))
        if delivery.unanswered { throw CancellationError() }
        if let duration = delivery.bodyDuration { try await Task.sleep(for: duration) }
        try Task.checkCancellation()
        if delivery.cut != nil {
            throw TransportError(.connectionLost, underlyingError: URLError(.networkConnectionLost))
        }
        var fields = HTTPFields()
        for header in delivery.response.headers {
            if let name = HTTPField.Name(header.name) { fields.append(HTTPField(name: name, value: header.value)) }
        }
        fields[.contentLength] = String(delivery.response.body.count)
        return (HTTPResponse(status: .init(code: delivery.response.status), headerFields: fields),
                delivery.response.body)
    }

    private static func authority(of url: URL) -> String {
        let host = url.host?.lowercased() ?? ""
        return url.port.map { "\(host):\($0)" } ?? host
    }
}
