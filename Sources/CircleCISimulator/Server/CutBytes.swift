import FlyingSocks
import Foundation

/// A response body that stops part-way, for the cut-short and reset faults:
/// the first `afterBytes` bytes, a short pause (so the client has read them),
/// then an error, on which FlyingFox closes the connection; a socket armed by
/// ``ConnectionReset`` then sends a reset instead of an orderly close.
struct CutBytes: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8

    /// Why the body ended early.
    struct Cut: Error {}

    let data: Data
    let afterBytes: Int
    let open: OpenRequest

    func makeAsyncIterator() -> Iterator {
        Iterator(bytes: [UInt8](data.prefix(afterBytes)), open: open)
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        let bytes: [UInt8]
        let open: OpenRequest
        var offset = 0

        mutating func next() async throws -> UInt8? {
            guard offset < bytes.count else { return try await cut() }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func nextBuffer(suggested count: Int) async throws -> ArraySlice<UInt8>? {
            guard offset < bytes.count else { return try await cut() }
            let end = Swift.min(bytes.count, offset + Swift.max(1, count))
            defer { offset = end }
            return bytes[offset..<end]
        }

        private func cut<T>() async throws -> T? {
            try? await Task.sleep(for: .milliseconds(50))
            open.end()
            throw Cut()
        }
    }
}
