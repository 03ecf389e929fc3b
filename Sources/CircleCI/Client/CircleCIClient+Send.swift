import Foundation
import HTTPTypes

extension CircleCIClient {
    /// The `User-Agent` the client sends.
    static let userAgent = "cq-circleci-client/1"

    /// Sends `request` and returns the body of a 2xx response.
    ///
    /// - Throws: ``CircleCIError`` for anything else, with the request's
    ///   context and the number of attempts made, redacted with the
    ///   configuration's ``CircleCIConfiguration/redactor``.
    func send(_ request: APIRequest) async throws -> Data {
        do {
            return try await exchange(request)
        } catch let error as CircleCIError {
            throw error.redacting(configuration.redactor)
        }
    }

    /// Sends `request` and decodes the JSON body as `type`.
    func fetch<T: Decodable>(_ type: T.Type, _ request: APIRequest) async throws -> T {
        let data = try await send(request)
        do {
            return try Self.decode(type, from: data, request: request)
        } catch let error as CircleCIError {
            throw error.redacting(configuration.redactor)
        }
    }

    /// ``send(_:)`` without redaction: every failure is a ``CircleCIError``.
    private func exchange(_ request: APIRequest) async throws -> Data {
        try configuration.validate()
        let httpRequest = makeHTTPRequest(request)
        let baseURL = request.root.isV1 ? configuration.v1BaseURL : configuration.apiBaseURL
        let deadline = configuration.deadline
        let trace = RetryTrace()
        let response: HTTPResponse
        let data: Data
        do {
            (response, data) = try await RetryTrace.$current.withValue(trace) {
                try await withTimeLimit(
                    deadline,
                    onTimeout: CircleCIError(
                        kind: .timeout, detail: "gave up after \(CircleCIError.format(deadline)), the limit for one call")
                ) { [self] in
                    try await perform(httpRequest, body: request.body, baseURL: baseURL, operationID: request.operationID)
                }
            }
        } catch {
            throw CircleCIError(wrapping: error, request: request, requestTimeout: configuration.requestTimeout)
                .with(attempts: trace.attempts)
        }
        guard (200..<300).contains(response.status.code) else {
            throw CircleCIError(
                response: response, body: data, request: request, now: configuration.clock.now(),
                policy: configuration.retryPolicy
            ).with(attempts: trace.attempts)
        }
        return data
    }

    /// Decodes a response body, turning every failure into an ``CircleCIError/Kind/invalidResponse``.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, request: APIRequest) throws -> T {
        let text = String(decoding: data.prefix(512), as: UTF8.self)
        let problem: String
        var underlying: (any Error)?
        if text.allSatisfy(\.isWhitespace) {
            problem = "the body is empty where JSON was expected"
        } else if ServerMessage.looksLikeHTML(text) {
            problem = "received an HTML page instead of JSON (a proxy, captive portal or wrong host?)"
        } else {
            do {
                return try CircleCIJSON.makeDecoder().decode(type, from: data)
            } catch let error as DecodingError {
                problem = error.summary
                underlying = error
            } catch {
                problem = "the body could not be decoded"
                underlying = error
            }
        }
        throw CircleCIError(
            kind: .invalidResponse, operationID: request.operationID, method: request.method.rawValue,
            path: request.displayPath, subject: request.subject, detail: "\(request.operationID): \(problem)",
            underlyingError: underlying)
    }

    private func makeHTTPRequest(_ request: APIRequest) -> HTTPRequest {
        var httpRequest: HTTPRequest
        if case .absolute(let url) = request.root {
            httpRequest = HTTPRequest(method: request.method, url: url)
        } else {
            httpRequest = HTTPRequest(method: request.method, scheme: nil, authority: nil, path: request.pathWithQuery)
        }
        httpRequest.headerFields[.accept] = "application/json"
        httpRequest.headerFields[.userAgent] = Self.userAgent
        if request.body != nil {
            httpRequest.headerFields[.contentType] = "application/json"
        }
        return httpRequest
    }
}

extension APIRequest {
    /// The path shown in errors: presigned URLs keep their host and path but lose the signed query.
    var displayPath: String {
        if case .absolute(let url) = root {
            return "\(url.host ?? "")\(url.path)"
        }
        return pathWithQuery
    }
}

extension APIRequest.Root {
    var isV1: Bool {
        if case .v1 = self { return true }
        return false
    }
}
