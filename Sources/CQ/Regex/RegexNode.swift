/// A parsed regular expression, before it is compiled to a ``RegexProgram``.
indirect enum RegexNode: Sendable, Equatable {
    /// Matches nothing, always succeeds (an empty pattern or alternative).
    case empty
    /// One Unicode scalar.
    case scalar(Unicode.Scalar)
    /// Any scalar but a line break (`.`).
    case any
    /// A set of scalars: `[a-z]`, `\d`, `[^,]`.
    case set(ScalarSet)
    /// `^` and `$`: the start and end of the text.
    case start, end
    /// `\b` (or `\B` when negated): a boundary between a word and a non-word scalar.
    case wordBoundary(negated: Bool)
    /// Several nodes one after the other.
    case sequence([RegexNode])
    /// `a|b|c`: the first alternative that leads to a match wins.
    case alternation([RegexNode])
    /// `( … )`: a capture group, numbered from 1 in the order its `(` appears.
    case group(RegexNode, index: Int)
    /// `x*`, `x+`, `x?`, `x{m,n}`; greedy or lazy (`*?`).
    case repeated(RegexNode, min: Int, max: Int?, greedy: Bool)
}

/// A set of Unicode scalars, as ranges, possibly negated.
struct ScalarSet: Sendable, Equatable {
    var ranges: [ClosedRange<UInt32>]
    var negated: Bool

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return ranges.contains { $0.contains(value) } != negated
    }

    /// The set with the other case of every ASCII letter it holds added.
    func caseInsensitive() -> ScalarSet {
        var extra: [ClosedRange<UInt32>] = []
        for range in ranges {
            let lower = range.clamped(to: 0x61...0x7A)
            if !lower.isEmpty { extra.append((lower.lowerBound - 0x20)...(lower.upperBound - 0x20)) }
            let upper = range.clamped(to: 0x41...0x5A)
            if !upper.isEmpty { extra.append((upper.lowerBound + 0x20)...(upper.upperBound + 0x20)) }
        }
        return ScalarSet(ranges: ranges + extra, negated: negated)
    }

    static let digits = ScalarSet(ranges: [0x30...0x39], negated: false)
    static let word = ScalarSet(ranges: [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A], negated: false)
    static let space = ScalarSet(ranges: [0x09...0x0D, 0x20...0x20, 0x85...0x85, 0xA0...0xA0, 0x2028...0x2029], negated: false)

    var inverted: ScalarSet { ScalarSet(ranges: ranges, negated: !negated) }
}
