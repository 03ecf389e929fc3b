import TestSupport

@testable import CQ

/// Generates random, well-formed syntax trees in the form the parser produces
/// (no `missing`, no empty pipelines, normalized interpolations), to check
/// that printing and re-parsing gives the same tree.
struct RandomAST {
    var rng: SplitMix64
    /// Names chosen to stress quoting: keywords, contextual words, kebab-case, Unicode.
    let names = [
        "a", "status", "created_at", "where", "first", "by", "with", "asc", "desc", "select",
        "project-slug", "in", "it", "café", "x y", "count", "_", "not", "map", "日本",
    ]
    let plainNames = ["a", "b", "status", "duration", "_x", "café", "where", "by"]
    let strings = ["", "failed", "a\"b", "back\\slash", "line\nbreak", "tab\t", "\u{1}", "é 😀", "it's", "\\(x)", "#"]

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    mutating func pick<T>(_ options: [T]) -> T { options[Int.random(in: 0..<options.count, using: &rng)] }
    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &rng) < percent }
    mutating func count(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }

    func node(_ kind: Expr.Kind) -> Expr { Expr(kind, range: .at(0)) }
    func id(_ name: String) -> Identifier { Identifier(name, range: .at(0)) }

    mutating func program() -> Program {
        Program(statements: (0..<count(1...3)).map { _ in statement() })
    }

    mutating func statement() -> Statement {
        switch count(0...3) {
        case 0: return Statement(.let(id(pick(names)), expr(3, allowPipeline: true)), range: .at(0))
        case 1:
            let parameters = (0..<count(0...2)).map { _ in id(pick(names)) }
            let body = chance(50) ? stageChain() : expr(3, allowPipeline: true)
            return Statement(.def(id(pick(names)), parameters: parameters, body: body), range: .at(0))
        default: return Statement(.expression(expr(3, allowPipeline: true)), range: .at(0))
        }
    }

    /// A `def` body made of stages; like the parser's, it starts with a stage keyword.
    mutating func stageChain() -> Expr {
        var stages = [stage(2)]
        while case .call = stages[0].kind { stages[0] = stage(2) }
        stages += (0..<count(0...2)).map { _ in stage(2) }
        return node(.stageChain(stages))
    }

    mutating func expr(_ depth: Int, allowPipeline: Bool = false) -> Expr {
        if depth <= 0 || chance(25) { return leaf() }
        let d = depth - 1
        switch count(0...13) {
        case 0: return node(.list((0..<count(0...3)).map { _ in expr(d, allowPipeline: true) }))
        case 1:
            return node(
                .record(
                    (0..<count(0...3)).map { _ in
                        let key = pick(names)
                        return RecordEntry(
                            key: id(key), value: chance(30) ? node(.name(key)) : expr(d, allowPipeline: true))
                    }))
        case 2: return node(.member(expr(d), id(pick(names))))
        case 3: return node(.index(expr(d), expr(d, allowPipeline: true)))
        case 4: return node(.call(id(pick(names)), arguments(d)))
        case 5: return node(.unary(pick(UnaryOperator.allCases), expr(d)))
        case 6, 7: return node(.binary(pick(BinaryOperator.allCases), expr(d), expr(d)))
        case 8: return node(.conditional(condition: expr(d), then: expr(d), else: expr(d)))
        case 9: return node(.lambda(parameters: (0..<count(0...3)).map { _ in id(pick(names)) }, body: expr(d)))
        case 10: return interpolation(d)
        case 11, 12:
            return node(.pipeline(expr(d, allowPipeline: true), (0..<count(1...3)).map { _ in stage(d) }))
        default: return leaf()
        }
    }

    mutating func leaf() -> Expr {
        switch count(0...9) {
        case 0: return node(.literal(.null))
        case 1: return node(.literal(.bool(chance(50))))
        case 2: return node(.literal(.int(count(0...100_000))))
        case 3: return node(.literal(.double(Double(count(0...4000)) / 8)))
        case 4: return node(.literal(.string(pick(strings))))
        case 5: return node(.literal(.duration(milliseconds: Int64(count(0...1_000_000_000)))))
        case 6: return node(.variable(pick(plainNames)))
        case 7: return node(.it)
        default: return node(.name(pick(names)))
        }
    }

    mutating func interpolation(_ depth: Int) -> Expr {
        var parts: [StringPart] = []
        for index in 0..<count(1...3) {
            if chance(60) || index == 0, let text = Optional(pick(strings)), !text.isEmpty { parts.append(.text(text)) }
            parts.append(.expression(expr(depth, allowPipeline: true)))
        }
        if chance(50) { parts.append(.text("tail")) }
        return node(.interpolatedString(parts))
    }

    mutating func arguments(_ depth: Int) -> [CallArgument] {
        (0..<count(0...3)).map { _ in
            CallArgument(label: chance(40) ? id(pick(names)) : nil, value: expr(depth, allowPipeline: true))
        }
    }

    mutating func columns(_ depth: Int, atLeast minimum: Int) -> [Column] {
        (0..<count(minimum...3)).map { _ in Column(label: chance(40) ? id(pick(names)) : nil, value: expr(depth)) }
    }

    mutating func stage(_ depth: Int) -> Stage {
        let kind: Stage.Kind
        switch count(0...8) {
        case 0: kind = .where(expr(depth))
        case 1: kind = .select(columns(depth, atLeast: 1))
        case 2: kind = .sort((0..<count(0...2)).map { _ in SortKey(value: expr(depth), descending: chance(50)) })
        case 3: kind = .group(keys: columns(depth, atLeast: 1), aggregates: columns(depth, atLeast: 0))
        case 4:
            let slice = pick(SliceKind.allCases)
            let needsCount = slice == .take || slice == .skip
            kind = .slice(slice, needsCount || chance(50) ? expr(depth) : nil)
        case 5: kind = .map(expr(depth))
        case 6: kind = .distinct(columns(depth, atLeast: 0))
        default: kind = .call(id(pick(names)), chance(50) ? arguments(depth) : [])
        }
        return Stage(kind, range: .at(0))
    }
}
