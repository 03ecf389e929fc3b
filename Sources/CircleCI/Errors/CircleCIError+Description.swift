import Foundation

extension CircleCIError {
    /// One sentence saying what went wrong, without the request context,
    /// e.g. `project gh/acme/nope not found (or your token cannot see it)`.
    public var summary: String {
        let thing = subject ?? "the resource"
        let tries = (attempts ?? 1) > 1 ? " after \(attempts ?? 1) attempts" : ""
        let sentOnce = attempts == 1 && method.map { !["GET", "HEAD"].contains($0) } == true
        let why = sentOnce ? "; not sent again, as it may have taken effect" : ""
        switch kind {
        case .invalidConfiguration, .invalidArgument:
            return detail ?? "invalid \(kind)"
        case .unauthorized:
            return "CircleCI rejected the token (HTTP 401); set CIRCLECI_TOKEN to a valid personal API token"
        case .forbidden:
            return "your token may not access \(thing) (HTTP 403)"
        case .notFound:
            return "\(thing) not found (or your token cannot see it)"
        case .rateLimited:
            if let detail { return "CircleCI rate limit exceeded\(tries): \(detail)" }
            let wait = retryAfter.map { "; retry after \(Self.format($0))" } ?? ""
            return "CircleCI rate limit exceeded\(tries)\(wait)"
        case .badRequest:
            return "CircleCI rejected the request for \(thing) (HTTP \(status ?? 400))"
        case .serverError:
            return "CircleCI server error (HTTP \(status ?? 500)) for \(thing)\(tries)\(why)" + (detail.map { ": \($0)" } ?? "")
        case .transport:
            return "could not reach CircleCI" + (detail.map { ": \($0)" } ?? "") + tries + why
        case .timeout:
            return "timed out" + (detail.map { ": \($0)" } ?? "") + tries + why
        case .cancelled:
            return "the request was cancelled"
        case .invalidResponse:
            return "unexpected response from CircleCI" + (detail.map { ": \($0)" } ?? "")
        case .redirectRefused:
            return detail ?? "the request was redirected to another host, which refused it without credentials"
        default:
            return detail ?? kind.description
        }
    }

    /// The ``summary`` followed by the request context and CircleCI's message,
    /// e.g. `project gh/acme/nope not found (or your token cannot see it)
    /// [getProjectBySlug GET /project/gh/acme/nope → HTTP 404: "Project not found"]`.
    public var description: String {
        var context: [String] = []
        if let operationID { context.append(operationID) }
        if let method, let path { context.append("\(method) \(path)") }
        var text = summary
        if !context.isEmpty || status != nil || serverMessage != nil {
            var bracket = context.joined(separator: " ")
            if let status { bracket += (bracket.isEmpty ? "" : " → ") + "HTTP \(status)" }
            if let serverMessage { bracket += (bracket.isEmpty ? "" : ": ") + "\"\(serverMessage)\"" }
            text += " [\(bracket)]"
        }
        return text
    }

    static func format(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : "\(Int(seconds.rounded(.up))) s"
    }
}
