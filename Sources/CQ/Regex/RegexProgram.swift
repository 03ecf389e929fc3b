/// A regular expression compiled to instructions for ``PikeVM``.
struct RegexProgram: Sendable {
    enum Instruction: Sendable {
        /// Consume one scalar that is in the set.
        case set(ScalarSet)
        /// Consume one scalar equal to this one.
        case scalar(Unicode.Scalar)
        /// Consume any scalar but `\n`.
        case any
        /// Continue at both, preferring the first.
        case split(Int, Int)
        case jump(Int)
        /// Record the position in capture slot n.
        case save(Int)
        case assertStart, assertEnd
        case wordBoundary(negated: Bool)
        case match
    }

    /// The most instructions a pattern may compile to (`{m,n}` copies its operand).
    static let maxInstructions = 20_000

    private(set) var instructions: [Instruction] = []
    /// Capture slots: two per group, and two for the whole match.
    let slotCount: Int

    init(_ node: RegexNode, groups: Int, ignoresCase: Bool) throws(RegexSyntaxError) {
        slotCount = 2 * (groups + 1)
        instructions.append(.save(0))
        try emit(node, ignoresCase: ignoresCase)
        instructions.append(.save(1))
        instructions.append(.match)
    }

    private mutating func append(_ instruction: Instruction) throws(RegexSyntaxError) {
        guard instructions.count < Self.maxInstructions else {
            throw RegexSyntaxError(message: "the pattern is too large (repetitions are copied out)", offset: 0)
        }
        instructions.append(instruction)
    }

    private mutating func emit(_ node: RegexNode, ignoresCase: Bool) throws(RegexSyntaxError) {
        switch node {
        case .empty: break
        case .scalar(let scalar):
            if ignoresCase, scalar.isASCII, scalar.properties.isAlphabetic {
                try append(.set(ScalarSet(ranges: [scalar.value...scalar.value], negated: false).caseInsensitive()))
            } else {
                try append(.scalar(scalar))
            }
        case .any: try append(.any)
        case .set(let set): try append(.set(ignoresCase ? set.caseInsensitive() : set))
        case .start: try append(.assertStart)
        case .end: try append(.assertEnd)
        case .wordBoundary(let negated): try append(.wordBoundary(negated: negated))
        case .sequence(let nodes):
            for node in nodes { try emit(node, ignoresCase: ignoresCase) }
        case .group(let inner, let index):
            try append(.save(2 * index))
            try emit(inner, ignoresCase: ignoresCase)
            try append(.save(2 * index + 1))
        case .alternation(let alternatives):
            var jumps: [Int] = []
            for (position, alternative) in alternatives.enumerated() {
                if position < alternatives.count - 1 {
                    let split = instructions.count
                    try append(.split(split + 1, 0))
                    try emit(alternative, ignoresCase: ignoresCase)
                    jumps.append(instructions.count)
                    try append(.jump(0))
                    instructions[split] = .split(split + 1, instructions.count)
                } else {
                    try emit(alternative, ignoresCase: ignoresCase)
                }
            }
            for jump in jumps { instructions[jump] = .jump(instructions.count) }
        case .repeated(let inner, let min, let max, let greedy):
            for _ in 0..<min { try emit(inner, ignoresCase: ignoresCase) }
            guard let max else {
                // L: split body, exit; body; jump L
                let loop = instructions.count
                try append(.split(0, 0))
                try emit(inner, ignoresCase: ignoresCase)
                try append(.jump(loop))
                instructions[loop] = Self.split(loop + 1, instructions.count, greedy: greedy)
                return
            }
            var exits: [Int] = []
            for _ in min..<max {
                exits.append(instructions.count)
                try append(.split(0, 0))
                try emit(inner, ignoresCase: ignoresCase)
            }
            for exit in exits { instructions[exit] = Self.split(exit + 1, instructions.count, greedy: greedy) }
        }
    }

    /// A split that prefers entering the body when greedy, leaving it when lazy.
    private static func split(_ body: Int, _ exit: Int, greedy: Bool) -> Instruction {
        greedy ? .split(body, exit) : .split(exit, body)
    }
}
