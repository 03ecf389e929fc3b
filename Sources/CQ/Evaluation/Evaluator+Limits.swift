extension Evaluator {
    /// `value`, if it is within the size limits of ``EvaluationOptions``:
    /// a query that doubles a string or list over and over stops with a clear
    /// error instead of exhausting memory.
    func bounded(_ value: Value, at range: SourceRange) throws -> Value {
        let options = context.options
        switch value {
        case .string(let text) where text.utf8.count > options.maxStringBytes:
            throw RuntimeError(
                .limit, id: "value-too-large",
                message: "a string of \(text.utf8.count) bytes is longer than the limit (\(options.maxStringBytes))",
                range: range)
        case .list(let elements) where elements.count > options.maxListCount:
            throw RuntimeError(
                .limit, id: "value-too-large",
                message: "a list of \(elements.count) elements is longer than the limit (\(options.maxListCount))",
                range: range)
        case .record(let record) where record.fields.count > options.maxListCount:
            throw RuntimeError(
                .limit, id: "value-too-large",
                message: "a record of \(record.fields.count) fields is larger than the limit (\(options.maxListCount))",
                range: range)
        default:
            return value
        }
    }

    /// Counts the work a builtin does on `arguments` as steps: one per list
    /// element or record field, one per 64 bytes of text. `join` over a
    /// million items inside a `map` is then bounded like any other loop.
    func chargeWork(of arguments: some Sequence<Value>, at range: SourceRange) throws {
        var units = 0
        for argument in arguments {
            switch argument {
            case .list(let elements): units += elements.count
            case .record(let record): units += record.fields.count
            case .string(let text): units += text.utf8.count / 64
            default: break
            }
        }
        try charge(units, at: range)
    }

    /// Counts `units` of builtin work as steps.
    func charge(_ units: Int, at range: SourceRange) throws {
        guard units > 0 else { return }
        guard context.meter.charge(units) else { throw stepLimitError(at: range) }
    }

    /// The query took more than ``EvaluationOptions/maxSteps`` steps.
    func stepLimitError(at range: SourceRange) -> RuntimeError {
        RuntimeError(
            .limit, id: "step-limit", message: "the query took more than \(context.options.maxSteps) steps",
            range: range, notes: ["a step is one expression evaluated or one item of a builtin's work"])
    }
}
