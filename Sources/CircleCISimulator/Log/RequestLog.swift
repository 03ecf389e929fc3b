import Foundation

/// One request the simulator answered. Never holds a credential.
public struct RequestLogEntry: Sendable, Hashable {
    /// 1, 2, 3… in arrival order since the last reset.
    public let sequence: Int
    /// Which host answered: the API or the presigned output host.
    public let host: SimulatorHost
    /// `GET`, `POST`, …
    public let method: String
    /// The path as sent (percent-encoding kept), without the query.
    public let path: String
    /// The query string as sent, with any `circle-token` value redacted.
    public let query: String
    /// The OpenAPI operation id the request routed to, or `"unknown"`.
    public let operationID: String
    /// Whether any credential arrived (`Circle-Token`, `Authorization`, `?circle-token=`).
    public let authPresented: Bool
    /// The HTTP status answered.
    public let status: Int
    /// The injected fault, if one applied.
    public let fault: SimulatorFault?
}

/// Every request since the last reset, for assertions and benchmarks.
public actor RequestLog {
    private var items: [RequestLogEntry] = []
    private var arrivals = 0
    private nonisolated let gauge = InFlightGauge()

    init() {}

    /// Every entry, oldest first.
    public var entries: [RequestLogEntry] { items }

    /// How many requests were answered.
    public var count: Int { items.count }

    /// How many requests have arrived, answered or not (a slow one counts as
    /// soon as it is received).
    public var arrived: Int { arrivals }

    /// How many requests are being answered now, on either transport: from
    /// arrival until the last byte of the response is handed over, or the
    /// request fails, is cancelled or loses its connection.
    ///
    /// Over HTTP a client that gives up is noticed only when the server
    /// writes the response: until then (during the injected latency) the
    /// request still counts.
    public nonisolated var inFlight: Int { gauge.inFlight }

    /// The most requests in flight at once since the last ``reset()``.
    public nonisolated var peakInFlight: Int { gauge.peak }

    /// How many requests routed to `operationID`.
    public func count(operationID: String) -> Int {
        items.filter { $0.operationID == operationID }.count
    }

    /// Whether any request reached `host` with credentials.
    public func authPresented(on host: SimulatorHost) -> Bool {
        items.contains { $0.host == host && $0.authPresented }
    }

    /// Forgets every entry; sequence numbers start again at 1, and
    /// ``peakInFlight`` starts again from the requests in flight now.
    public func reset() {
        items.removeAll()
        arrivals = 0
        gauge.resetPeak()
    }

    /// Counts a request in flight until the returned value ends or is dropped.
    nonisolated func open() -> OpenRequest {
        gauge.open()
    }

    func noteArrival() {
        arrivals += 1
    }

    func record(host: SimulatorHost, method: String, path: String, query: String, operationID: String,
                authPresented: Bool, status: Int, fault: SimulatorFault?) {
        items.append(RequestLogEntry(sequence: items.count + 1, host: host, method: method, path: path,
                                     query: Self.redact(query), operationID: operationID,
                                     authPresented: authPresented, status: status, fault: fault))
    }

    private static func redact(_ query: String) -> String {
        query.split(separator: "&", omittingEmptySubsequences: false).map { pair in
            pair.lowercased().hasPrefix("circle-token=") ? "circle-token=REDACTED" : String(pair)
        }.joined(separator: "&")
    }
}
