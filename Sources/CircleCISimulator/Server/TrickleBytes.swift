import FlyingSocks
import Foundation

/// A response body that arrives in small pieces spread over `duration`,
/// for the slow-body fault.
struct TrickleBytes: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8

    let data: Data
    let duration: Duration

    init(data: Data, over duration: Duration) {
        self.data = data
        self.duration = duration
    }

    /// The body goes out in this many pieces.
    static let pieces = 8

    func makeAsyncIterator() -> Iterator {
        Iterator(bytes: [UInt8](data), pause: duration / Self.pieces,
                 pieceSize: Swift.max(1, (data.count + Self.pieces - 1) / Self.pieces))
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        let bytes: [UInt8]
        let pause: Duration
        let pieceSize: Int
        var offset = 0

        mutating func next() async throws -> UInt8? {
            guard offset < bytes.count else { return nil }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func nextBuffer(suggested count: Int) async throws -> ArraySlice<UInt8>? {
            guard offset < bytes.count else { return nil }
            try await Task.sleep(for: pause)
            let end = Swift.min(bytes.count, offset + pieceSize)
            defer { offset = end }
            return bytes[offset..<end]
        }
    }
}
