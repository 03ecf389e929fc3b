import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One HTTP/1.1 exchange over a plain socket, reading until the server closes:
/// what `URLSession` hides (a body shorter than its `Content-Length`, a
/// redirect it would follow).
enum RawHTTP {
    struct Reply: Sendable {
        /// The status line and header fields, `\r\n`-separated.
        let head: String
        /// Every byte after the head, as it arrived.
        let body: Data
        /// Whether the connection ended with a reset rather than an orderly close.
        let reset: Bool
    }

    struct Failure: Error {
        let what: String
    }

    /// GETs `path` from `host` (an `http://127.0.0.1:port` URL), on a thread of its own.
    static func get(host: URL, path: String, token: String?) async throws -> Reply {
        guard let ip = host.host, let port = host.port else { throw Failure(what: "no host or port in \(host)") }
        var request = "GET \(path) HTTP/1.1\r\nHost: \(ip):\(port)\r\nAccept: application/json\r\nConnection: close\r\n"
        if let token { request += "Circle-Token: \(token)\r\n" }
        request += "\r\n"
        let bytes = Array(request.utf8)
        return try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try exchange(bytes, ip: ip, port: UInt16(port)) })
            }
        }
    }

    private static func exchange(_ request: [UInt8], ip: String, port: UInt16) throws -> Reply {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(what: "socket: errno \(errno)") }
        defer { close(descriptor) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, ip, &address.sin_addr)
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw Failure(what: "connect: errno \(errno)") }
        guard request.withUnsafeBytes({ send(descriptor, $0.baseAddress, $0.count, 0) }) == request.count else {
            throw Failure(what: "send: errno \(errno)")
        }
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        var reset = false
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count < 0 { reset = errno == ECONNRESET }
            if count <= 0 { break }
            received.append(contentsOf: buffer[..<count])
        }
        guard let end = received.range(of: Data("\r\n\r\n".utf8)) else {
            throw Failure(what: "no complete head in \(received.count) bytes")
        }
        return Reply(head: String(decoding: received[..<end.lowerBound], as: UTF8.self),
                     body: received[end.upperBound...], reset: reset)
    }
}
