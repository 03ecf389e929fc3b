import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes a loopback connection end with a reset (TCP RST) instead of an
/// orderly close, for ``SimulatorFault/connectionReset(afterBytes:)``.
///
/// FlyingFox does not hand its sockets to handlers, so the server side of the
/// connection is found among the process's descriptors by its two endpoints
/// (the client's address and the listener's port) and given `SO_LINGER` with
/// a zero timeout: when FlyingFox then closes it, the kernel sends a reset.
enum ConnectionReset {
    /// Arms the server-side socket of the connection from `peerIP`:`peerPort`
    /// to `localPort`; false if no such socket was found (it then closes normally).
    @discardableResult
    static func arm(peerIP: String, peerPort: UInt16, localPort: UInt16) -> Bool {
        for descriptor in openDescriptors() {
            guard let peer = endpoint(of: descriptor, peer: true), peer.ip == peerIP, peer.port == peerPort,
                  let local = endpoint(of: descriptor, peer: false), local.port == localPort else { continue }
            var option = linger(l_onoff: 1, l_linger: 0)
            return setsockopt(descriptor, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size)) == 0
        }
        return false
    }

    private static func openDescriptors() -> [Int32] {
        if let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") {
            return names.compactMap { Int32($0) }
        }
        return Array(0..<4096)
    }

    private static func endpoint(of descriptor: Int32, peer: Bool) -> (ip: String, port: UInt16)? {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let status = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socket in
                peer ? getpeername(descriptor, socket, &length) : getsockname(descriptor, socket, &length)
            }
        }
        guard status == 0, address.sin_family == sa_family_t(AF_INET) else { return nil }
        var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
        var ip = address.sin_addr
        guard inet_ntop(AF_INET, &ip, &text, socklen_t(text.count)) != nil else { return nil }
        let name = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return (name, UInt16(bigEndian: address.sin_port))
    }
}
