/// Why a pattern is not a regular expression cq can run.
public struct RegexSyntaxError: Error, Sendable, Equatable {
    /// What is wrong, e.g. "unmatched `(`".
    public let message: String
    /// The position in the pattern, in Unicode scalars from 0.
    public let offset: Int
}

/// Parses a pattern into a ``RegexNode`` tree: literals, `.`, `[…]` classes,
/// `\d \w \s \D \W \S \b \B`, `^ $`, groups `(…)` and `(?:…)`, `|`, and the
/// quantifiers `* + ? {m} {m,} {m,n}`, greedy or lazy; `(?i)` at the start
/// ignores ASCII case. Backreferences and lookaround are refused: cq's
/// regular expressions always run in time linear in the text.
struct RegexParser {
    private let scalars: [Unicode.Scalar]
    var position = 0
    private(set) var groupCount = 0
    private(set) var ignoresCase = false

    /// The largest count in `{m,n}`.
    static let maxRepetition = 1_000

    init(_ pattern: String) {
        scalars = Array(pattern.unicodeScalars)
    }

    mutating func parse() throws(RegexSyntaxError) -> RegexNode {
        if scalars.starts(with: Array("(?i)".unicodeScalars)) {
            ignoresCase = true
            position = 4
        }
        let node = try alternation()
        if position < scalars.count {
            throw RegexSyntaxError(message: "unmatched `)`", offset: position)
        }
        return node
    }

    var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    var scalarCount: Int { scalars.count }

    func peek(_ offset: Int) -> Unicode.Scalar? {
        position + offset < scalars.count ? scalars[position + offset] : nil
    }

    private mutating func alternation() throws(RegexSyntaxError) -> RegexNode {
        var alternatives = [try sequence()]
        while current == "|" {
            position += 1
            alternatives.append(try sequence())
        }
        return alternatives.count == 1 ? alternatives[0] : .alternation(alternatives)
    }

    private mutating func sequence() throws(RegexSyntaxError) -> RegexNode {
        var items: [RegexNode] = []
        while let scalar = current, scalar != "|", scalar != ")" {
            let start = position
            let atom = try self.atom()
            items.append(try quantified(atom, at: start))
        }
        switch items.count {
        case 0: return .empty
        case 1: return items[0]
        default: return .sequence(items)
        }
    }

    private mutating func atom() throws(RegexSyntaxError) -> RegexNode {
        let start = position
        guard let scalar = current else { throw RegexSyntaxError(message: "the pattern ends too early", offset: start) }
        position += 1
        switch scalar {
        case ".": return .any
        case "^": return .start
        case "$": return .end
        case "[": return .set(try characterClass(startingAt: start))
        case "\\": return try escape(at: start)
        case "(":
            var index: Int?
            if scalars[position...].starts(with: Array("?:".unicodeScalars)) {
                position += 2
            } else if current == "?" {
                throw RegexSyntaxError(
                    message: "lookaround and other `(?` groups are not supported (cq's regular expressions run in linear time)",
                    offset: start)
            } else {
                groupCount += 1
                index = groupCount
            }
            let inner = try alternation()
            guard current == ")" else { throw RegexSyntaxError(message: "unmatched `(`", offset: start) }
            position += 1
            return index.map { .group(inner, index: $0) } ?? inner
        case "*", "+", "?", "{":
            throw RegexSyntaxError(message: "`\(scalar)` has nothing to repeat", offset: start)
        default:
            return .scalar(scalar)
        }
    }

    private mutating func quantified(_ atom: RegexNode, at start: Int) throws(RegexSyntaxError) -> RegexNode {
        var node = atom
        while let scalar = current, "*+?{".unicodeScalars.contains(scalar) {
            if case .repeated = node {
                throw RegexSyntaxError(message: "a repetition cannot be repeated directly; group it first", offset: position)
            }
            let (min, max) = try bounds()
            var greedy = true
            if current == "?" {
                greedy = false
                position += 1
            }
            if case .start = atom { throw RegexSyntaxError(message: "`^` cannot be repeated", offset: start) }
            node = .repeated(node, min: min, max: max, greedy: greedy)
        }
        return node
    }

    private mutating func bounds() throws(RegexSyntaxError) -> (Int, Int?) {
        let start = position
        guard let scalar = current else { return (1, 1) }
        position += 1
        switch scalar {
        case "*": return (0, nil)
        case "+": return (1, nil)
        case "?": return (0, 1)
        default:
            guard let min = try number() else {
                throw RegexSyntaxError(message: "`{` needs a count, as in `{2}` or `{2,5}`", offset: start)
            }
            var max: Int? = min
            if current == "," {
                position += 1
                max = try number()
            }
            guard current == "}" else { throw RegexSyntaxError(message: "unmatched `{`", offset: start) }
            position += 1
            if let max, max < min { throw RegexSyntaxError(message: "`{\(min),\(max)}` counts down", offset: start) }
            guard min <= Self.maxRepetition, (max ?? 0) <= Self.maxRepetition else {
                throw RegexSyntaxError(message: "repetition counts are at most \(Self.maxRepetition)", offset: start)
            }
            return (min, max)
        }
    }

    private mutating func number() throws(RegexSyntaxError) -> Int? {
        var value: Int?
        while let scalar = current, let digit = Int(String(scalar)), scalar.isASCII {
            value = (value ?? 0) * 10 + digit
            if value ?? 0 > Self.maxRepetition * 10 {
                throw RegexSyntaxError(message: "repetition counts are at most \(Self.maxRepetition)", offset: position)
            }
            position += 1
        }
        return value
    }
}
