import Foundation

/// A complete response, before faults shape how it is delivered.
struct SimulatorResponse: Sendable {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: Data

    init(status: Int, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON response.
    static func json(_ value: JSON, status: Int = 200) -> SimulatorResponse {
        SimulatorResponse(status: status, headers: [("Content-Type", "application/json")], body: value.serializedData())
    }

    /// CircleCI's error body: `{"message": …}`.
    static func message(_ text: String, status: Int) -> SimulatorResponse {
        .json(.object([("message", .string(text))]), status: status)
    }
}

/// A failure an endpoint reports as a `{"message"}` body.
struct APIError: Error, Sendable {
    let status: Int
    let message: String

    static func notFound(_ what: String) -> APIError { APIError(status: 404, message: "\(what) not found") }
    static func badRequest(_ message: String) -> APIError { APIError(status: 400, message: message) }

    var response: SimulatorResponse { .message(message, status: status) }
}
