import Foundation

/// Functions on numbers.
enum MathFunctions {
    static let all: [Builtin] = [
        .pure(
            "round", [Parameter("number", .number), Parameter("digits", .int, required: false)], returns: .number,
            summary: "The number rounded to a number of decimal digits (default 0).",
            examples: ["round(2 / 3 * 100, 1)"]
        ) { invocation in
            guard let value = invocation["number"] else { return .null }
            if case .duration(let duration) = value {
                return .duration(.seconds(fromDouble: duration.seconds.rounded()))
            }
            guard let number = value.numberValue else {
                throw invocation.typeError("number", expected: "a number", got: value)
            }
            let digits = try invocation.int("digits") ?? 0
            if digits <= 0 { return Int(exactly: number.rounded()).map(Value.int) ?? .double(number.rounded()) }
            let scale = pow(10, Double(Swift.min(digits, 15)))
            return .double((number * scale).rounded() / scale)
        },
        unary("floor", "The largest integer not above the number.", example: "floor(2.7)") { $0.rounded(.down) },
        unary("ceil", "The smallest integer not below the number.", example: "ceil(2.1)") { $0.rounded(.up) },
        .pure(
            "abs", [Parameter("number", .number)], returns: .number, summary: "The absolute value.",
            examples: ["abs(-3)"]
        ) { invocation in
            switch invocation["number"] {
            case .int(let int)?: return int == .min ? .double(-Double(int)) : .int(abs(int))
            case .double(let double)?: return .double(abs(double))
            case .duration(let duration)?: return .duration(duration < .zero ? .zero - duration : duration)
            case nil: return .null
            case let value?: throw invocation.typeError("number", expected: "a number", got: value)
            }
        },
    ]

    private static func unary(
        _ name: String, _ summary: String, example: String, _ body: @escaping @Sendable (Double) -> Double
    ) -> Builtin {
        .pure(name, [Parameter("number", .number)], returns: .int, summary: summary, examples: [example]) {
            invocation in
            guard let number = try invocation.number("number") else { return .null }
            let result = body(number)
            return Int(exactly: result).map(Value.int) ?? .double(result)
        }
    }
}
