import Foundation

/// Which of the simulator's two hosts a request reached.
public enum SimulatorHost: String, Sendable, Hashable {
    /// The API host: `/api/v2` and `/api/v1.1`.
    case api
    /// The presigned step-output host, which needs no credentials.
    case output
}

/// One query parameter, percent- and `+`-decoded.
struct QueryItem: Sendable, Hashable {
    let name: String
    let value: String
}

/// A request as the router sees it, whichever transport carried it.
struct SimulatorRequest: Sendable {
    var host: SimulatorHost
    var method: String
    /// The percent-encoded path, without the query: `/api/v2/project/gh/acme/api`.
    var path: String
    /// The raw query string, without `?`.
    var rawQuery: String
    /// Header fields with lowercased names, in arrival order.
    var headers: [(name: String, value: String)]
    var body: Data?

    init(host: SimulatorHost, method: String, target: String, headers: [(name: String, value: String)],
         body: Data?) {
        self.host = host
        self.method = method.uppercased()
        if let mark = target.firstIndex(of: "?") {
            path = String(target[..<mark])
            rawQuery = String(target[target.index(after: mark)...])
        } else {
            path = target
            rawQuery = ""
        }
        self.headers = headers.map { (name: $0.name.lowercased(), value: $0.value) }
        self.body = body
    }

    func header(_ name: String) -> String? {
        let key = name.lowercased()
        return headers.first { $0.name == key }?.value
    }

    var query: [QueryItem] {
        rawQuery.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return QueryItem(name: Self.decode(parts[0]), value: parts.count > 1 ? Self.decode(parts[1]) : "")
        }
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
