/// One aggregate call reduced as rows stream past: in constant space for
/// the standard `count`, `sum`, `avg`, `min` and `max`
/// (``StreamingAggregate``); other aggregates keep their per-row values and
/// run on them at the end, as they always did.
struct AggregateAccumulator: Sendable {
    private var streaming: StreamingAggregate?
    private var values: [Value] = []
    /// How many values were added: the work charged for them.
    private(set) var count = 0

    /// An empty accumulator for a call of `builtin`.
    init(_ builtin: Builtin) {
        streaming = StreamingAggregate.make(for: builtin)
    }

    /// Adds the next per-row value.
    mutating func add(_ value: Value) {
        count += 1
        if var streaming {
            self.streaming = nil
            streaming.add(value)
            self.streaming = streaming
        } else {
            values.append(value)
        }
    }

    /// The aggregate of the values added; `run` is the builtin's implementation.
    func result(_ run: ([Value], Invocation) throws -> Value, _ invocation: Invocation) throws -> Value {
        if let streaming { return try streaming.result(invocation) }
        return try run(values, invocation)
    }
}
