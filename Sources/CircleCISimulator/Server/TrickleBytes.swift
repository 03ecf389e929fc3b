import FlyingSocks
import Foundation

/// A response body that arrives in small pieces spread over `duration`,
/// for the slow-body fault.
///
/// Its request stays in flight until the last piece is handed out, or the
/// body is dropped unfinished (the connection went away).
struct TrickleBytes: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8

    let data: Data
    let duration: Duration
    let open: OpenRequest

    init(data: Data, over duration: Duration, open: OpenRequest) {
        self.data = data
        self.duration = duration
        self.open = open
    }

    /// The body goes out in this many pieces.
    static let pieces = 8

    func makeAsyncIterator() -> Iterator {
        Iterator(bytes: [UInt8](data), pause: duration / Self.pieces,
                 pieceSize: Swift.max(1, (data.count + Self.pieces - 1) / Self.pieces), open: open)
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        let bytes: [UInt8]
        let pause: Duration
        let pieceSize: Int
        let open: OpenRequest
        var offset = 0

        mutating func next() async throws -> UInt8? {
            guard offset < bytes.count else {
                open.end()
                return nil
            }
            defer { offset += 1 }
            if offset + 1 == bytes.count { open.end() }
            return bytes[offset]
        }

        mutating func nextBuffer(suggested count: Int) async throws -> ArraySlice<UInt8>? {
            guard offset < bytes.count else {
                open.end()
                return nil
            }
            try await Task.sleep(for: pause)
            let end = Swift.min(bytes.count, offset + pieceSize)
            defer { offset = end }
            if end == bytes.count { open.end() }
            return bytes[offset..<end]
        }
    }
}
