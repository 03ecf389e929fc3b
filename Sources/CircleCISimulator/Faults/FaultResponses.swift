import Foundation

/// The bodies of faults that replace the real response.
enum FaultResponses {
    static func response(for fault: SimulatorFault, to request: SimulatorRequest,
                         rendering: RenderContext) -> SimulatorResponse? {
        switch fault {
        case let .rateLimited(retryAfter, body):
            return rateLimited(body, retryAfter: String(retryAfter), resetSeconds: retryAfter)
        case let .rateLimitedUntil(date, body):
            let seconds = max(0, Int(date.timeIntervalSinceNow.rounded(.up)))
            return rateLimited(body, retryAfter: httpDate(date), resetSeconds: seconds)
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
        case let .echoToken(status):
            let token = Authentication.presentedToken(in: request) ?? "(none)"
            return .message("token \(token) is not valid", status: status)
        case let .crossHostRedirect(status):
            // Only the API host knows where the other one is.
            guard request.host == .api, !rendering.outputBaseURL.isEmpty else { return nil }
            let location = rendering.outputBaseURL + request.path + (request.rawQuery.isEmpty ? "" : "?" + request.rawQuery)
            return SimulatorResponse(status: status, headers: [("Location", location)])
        case .truncatedBody, .slowBody, .delay, .cutShortBody, .connectionReset, .noResponse:
            return nil
        }
    }

    private static func rateLimited(_ body: SimulatorFault.RateLimitBody, retryAfter: String,
                                    resetSeconds: Int) -> SimulatorResponse {
        var response: SimulatorResponse = switch body {
        case .json: .message("Rate limit exceeded.", status: 429)
        case .emptyObject: .json(.object([]), status: 429)
        case .plainText:
            SimulatorResponse(status: 429, headers: [("Content-Type", "text/plain; charset=utf-8")],
                              body: Data("Rate limited.".utf8))
        }
        response.headers += [("Retry-After", retryAfter), ("RateLimit-Limit", "40"),
                             ("RateLimit-Remaining", "0"), ("RateLimit-Reset", String(resetSeconds))]
        return response
    }

    /// An IMF-fixdate: `Sun, 06 Nov 1994 08:49:37 GMT`.
    static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
