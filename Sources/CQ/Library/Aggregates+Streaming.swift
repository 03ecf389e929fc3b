/// The standard `count`, `sum`, `avg`, `min` and `max`, reduced a value at a
/// time in constant space, with exactly the results (and errors) of their
/// list forms in ``Aggregates``: the same order of additions, the same
/// overflow to a float, the same first minimum and last maximum a stable
/// sort gives.
///
/// The other aggregates (`median`, `percentile`, `stddev`, `count_distinct`,
/// `collect`, and an embedder's own) need their values; the evaluator keeps
/// those.
enum StreamingAggregate: Sendable {
    case count(Int)
    case sum(RunningSum)
    case average(RunningSum)
    case minimum(RunningExtreme)
    case maximum(RunningExtreme)

    /// The streaming form of `builtin`, when it is the standard library's
    /// `count`, `sum`, `avg`, `min` or `max` (not an embedder's replacement).
    static func make(for builtin: Builtin) -> StreamingAggregate? {
        guard let standard = standardAggregates[builtin.name], standard.kind == builtin.kind,
            standard.summary == builtin.summary, standard.parameters == builtin.parameters
        else { return nil }
        switch builtin.name {
        case "count": return .count(0)
        case "sum": return .sum(RunningSum())
        case "avg": return .average(RunningSum())
        case "min": return .minimum(RunningExtreme(keepsLast: false))
        case "max": return .maximum(RunningExtreme(keepsLast: true))
        default: return nil
        }
    }

    private static let standardAggregates = Dictionary(
        Aggregates.all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    /// Adds the next value; `null`s are ignored, as by every aggregate.
    mutating func add(_ value: Value) {
        if case .null = value { return }
        switch self {
        case .count(let count):
            if value != .bool(false) { self = .count(count + 1) }
        case .sum(var sum):
            self = .count(0)
            sum.add(value)
            self = .sum(sum)
        case .average(var sum):
            self = .count(0)
            sum.add(value)
            self = .average(sum)
        case .minimum(var extreme):
            self = .count(0)
            extreme.add(value)
            self = .minimum(extreme)
        case .maximum(var extreme):
            self = .count(0)
            extreme.add(value)
            self = .maximum(extreme)
        }
    }

    /// The aggregate of the values added.
    func result(_ invocation: Invocation) throws -> Value {
        switch self {
        case .count(let count): return .int(count)
        case .sum(let sum): return try sum.total(invocation)
        case .average(let sum):
            guard sum.count > 0 else { return .null }
            return try Aggregates.divide(try sum.total(invocation), by: Double(sum.count))
        case .minimum(let extreme), .maximum(let extreme):
            guard !extreme.incomparable else { throw Aggregates.mixed(invocation) }
            return extreme.best ?? .null
        }
    }
}

/// A sum as `sum` computes it over a list: of durations when the first value
/// is one (anything else is an error), otherwise an exact integer while all
/// values are integers and it fits, else a float added in the same order.
struct RunningSum: Sendable {
    private(set) var count = 0
    private var durations: Duration?
    private var nonDuration = false
    private var integer = 0
    private var allIntegers = true
    private var overflowed = false
    private var number = 0.0
    private var firstNonNumber: Value?

    mutating func add(_ value: Value) {
        defer { count += 1 }
        if count == 0, case .duration = value { durations = .zero }
        if let total = durations {
            if case .duration(let duration) = value { durations = total + duration } else { nonDuration = true }
            return
        }
        switch value {
        case .int(let int):
            if !overflowed {
                let (next, overflow) = integer.addingReportingOverflow(int)
                if overflow { overflowed = true } else { integer = next }
            }
            number += Double(int)
        case .double(let double):
            allIntegers = false
            number += double
        case .duration(let duration):
            allIntegers = false
            number += duration.seconds
        default:
            allIntegers = false
            if firstNonNumber == nil { firstNonNumber = value }
        }
    }

    func total(_ invocation: Invocation) throws -> Value {
        guard count > 0 else { return .int(0) }
        if let durations {
            guard !nonDuration else { throw Aggregates.mixed(invocation) }
            return .duration(durations)
        }
        if allIntegers, !overflowed { return .int(integer) }
        if let firstNonNumber { _ = try Aggregates.number(firstNonNumber, invocation) }
        return .double(number)
    }
}

/// The smallest (or largest) value so far, as the first (or last) of a stable sort.
struct RunningExtreme: Sendable {
    /// For `max`: a later equal value replaces the earlier one.
    let keepsLast: Bool
    private(set) var best: Value?
    private var first: Value?
    private(set) var incomparable = false

    init(keepsLast: Bool) { self.keepsLast = keepsLast }

    mutating func add(_ value: Value) {
        guard !incomparable else { return }
        guard let first, let best else {
            self.first = value
            self.best = value
            return
        }
        guard (try? value.compare(to: first)) != nil else {
            incomparable = true
            return
        }
        let replaces = keepsLast ? !Value.sortsBefore(value, best) : Value.sortsBefore(value, best)
        if replaces { self.best = value }
    }
}
