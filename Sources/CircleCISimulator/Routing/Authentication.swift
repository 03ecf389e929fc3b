import Foundation

/// How a request presented (or failed to present) credentials.
enum Authentication: Sendable, Equatable {
    case none
    case valid
    case invalid
    /// The deprecated `circle-token` query parameter, which the simulator refuses.
    case queryParameter

    /// Whether any credential arrived at all.
    var wasPresented: Bool { self != .none }

    /// Reads `Circle-Token`, `Authorization: Bearer|Basic` and `?circle-token=`.
    static func of(_ request: SimulatorRequest, expecting token: String) -> Authentication {
        let presented = presentedTokens(in: request)
        if presented.isEmpty {
            return request.query.contains { $0.name == "circle-token" } ? .queryParameter : .none
        }
        return presented.contains(token) ? .valid : .invalid
    }

    /// The first token the request presents in a header, if any.
    static func presentedToken(in request: SimulatorRequest) -> String? {
        presentedTokens(in: request).first
    }

    /// Every token the request presents in a header: `Circle-Token`, then
    /// `Authorization` (Bearer, the user of Basic, or the raw value).
    private static func presentedTokens(in request: SimulatorRequest) -> [String] {
        var presented: [String] = []
        if let header = request.header("circle-token") { presented.append(header) }
        if let authorization = request.header("authorization") {
            let parts = authorization.split(separator: " ", maxSplits: 1).map(String.init)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                presented.append(parts[1].trimmingCharacters(in: .whitespaces))
            } else if parts.count == 2, parts[0].lowercased() == "basic",
                      let data = Data(base64Encoded: parts[1].trimmingCharacters(in: .whitespaces)),
                      let decoded = String(data: data, encoding: .utf8) {
                presented.append(String(decoded.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)[0]))
            } else {
                presented.append(authorization)
            }
        }
        return presented
    }

    /// The 401 for anything but `.valid`.
    var rejection: SimulatorResponse? {
        switch self {
        case .valid: nil
        case .none, .invalid: .message("Invalid token provided.", status: 401)
        case .queryParameter:
            .message("Support for query parameter authentication has been deprecated to improve security. "
                     + "Please use a supported authentication method such as header-based, or basic authentication.",
                     status: 401)
        }
    }
}
