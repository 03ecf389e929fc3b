/// A half-open range of UTF-8 byte offsets into a ``SourceFile``.
///
/// Positions are byte offsets; line and column are computed only when a
/// diagnostic is displayed (see ``SourceFile/location(of:)``).
public struct SourceRange: Sendable, Hashable, CustomStringConvertible {
    /// The offset of the first byte.
    public var start: Int
    /// The offset one past the last byte.
    public var end: Int

    /// Creates a range from `start` up to, but not including, `end`.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    /// An empty range at `offset`, used for "expected … here" diagnostics.
    public static func at(_ offset: Int) -> SourceRange {
        SourceRange(start: offset, end: offset)
    }

    /// The number of bytes covered.
    public var length: Int { end - start }

    /// Whether `offset` lies in the range (its end included, so an empty
    /// range at the end of a statement belongs to it).
    public func contains(_ offset: Int) -> Bool { start <= offset && offset <= end }

    /// The smallest range that covers both `self` and `other`.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(start: min(start, other.start), end: max(end, other.end))
    }

    public var description: String { "\(start)..<\(end)" }
}
