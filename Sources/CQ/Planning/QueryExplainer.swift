/// Describes a planned query in a few readable lines, without running it:
/// each source and the requests it will make, what the planner pushed down,
/// where paging stops early, fan-outs and their concurrency, what runs in cq,
/// and what a cache may answer. `cq explain` and the REPL's `:explain` print it.
public struct QueryExplainer: Sendable {
    /// Evaluates the constants shown in request paths (`ago(7d)`, `$branch`).
    let evaluator: Evaluator
    /// The source the ranges point into, to quote each stage as written.
    let source: SourceFile
    /// Variables known before the query runs (REPL `let`s, script arguments).
    let environment: Environment

    /// Creates an explainer for a program compiled from `source`.
    public init(context: EvaluationContext, source: SourceFile, environment: Environment = Environment()) {
        self.evaluator = Evaluator(context: context)
        self.source = source
        self.environment = environment
    }

    var concurrency: Int { max(1, evaluator.context.options.concurrency) }
    var registry: BuiltinRegistry { evaluator.context.registry }

    /// The plan of `program`, one statement after another.
    public func explain(_ program: BoundProgram) async -> String {
        var lines: [String] = []
        for statement in program.statements {
            switch statement.kind {
            case .let(let name, let value):
                lines.append("let \(name) =")
                lines += await describe(value, indent: "  ")
            case .def(let function):
                lines.append("def \(function.name): planned where it is called")
            case .expression(let expr):
                lines += await describe(expr, indent: "")
                lines += output(of: expr)
            }
        }
        if program.statements.contains(where: { makesRequests($0) }) {
            lines.append("At most \(concurrency) requests in flight at once (fewer after an HTTP 429).")
        } else {
            lines.append("No requests: everything runs in cq.")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The lines for one expression: a pipeline stage by stage, or a single call.
    func describe(_ expr: BoundExpr, indent: String) async -> [String] {
        guard case .pipeline(let head, let stages) = expr.kind else {
            return await describeSource(expr, indent: indent, stop: nil)
        }
        var remaining = stages[...]
        var stop: PagingStop?
        if case .stopPaging(let paging)? = remaining.first?.kind {
            stop = paging
            remaining.removeFirst()
        }
        var lines = await describeSource(head, indent: indent, stop: stop)
        var remembered = Set<String>()
        for stage in remaining {
            lines.append(indent + "| " + quote(stage.range))
            lines += await describe(stage, indent: indent + "  ", remembered: &remembered)
        }
        return lines
    }

    /// The source of a pipeline: its requests, pushed-down filters and paging stop.
    private func describeSource(_ expr: BoundExpr, indent: String, stop: PagingStop?) async -> [String] {
        var lines = [indent + quote(expr.range)]
        let inner = indent + "  "
        guard case .call(let call) = expr.kind, call.builtin.effect != .pure else {
            lines.append(
                inner + (makesRequests(expr) ? "computed in cq; makes requests inside" : "computed in cq, no requests"))
            return lines
        }
        let endpoints = call.builtin.endpoints.filter { $0.repetition == .once }
        if endpoints.isEmpty {
            lines.append(inner + "reads the CircleCI API")
        }
        for endpoint in endpoints {
            let holds = QueryPlanner.holds(endpoint.condition, for: call)
            if holds == false { continue }
            let prefix = holds == nil ? "when \(describe(endpoint.condition)): " : ""
            lines += await request(endpoint, of: call, indent: inner, prefix: prefix)
            if holds == true { break }
        }
        for argument in call.arguments {
            guard case .pushedDown(let range) = argument.origin else { continue }
            let value = await constantText(argument.value)
            lines.append(
                inner
                    + "pushed down: `\(quote(range))` → \(argument.parameter.name): \(value) (the API filters; cq still checks)"
            )
        }
        if let stop {
            let bound = await constantText(stop.bound)
            let field = stop.field.joined(separator: ".")
            lines.append(
                inner
                    + "stops paging at the first row with \(field) \(stop.inclusive ? "<" : "≤") \(bound): the list is newest first"
            )
        }
        return lines
    }

    /// What one stage does; `remembered` holds the remembered requests earlier
    /// stages of the pipeline already made for their rows.
    private func describe(_ stage: BoundStage, indent: String, remembered: inout Set<String>) async -> [String] {
        let row = Binder.rowType(of: stage.inputType)
        switch stage.kind {
        case .call(let call) where call.builtin.kind == .fanOut && call.builtin.effect == .readsAPI:
            let name = row.recordSchema?.name ?? ""
            var lines = [indent + "for each \(name.isEmpty ? "input" : name) row, \(pace(of: stage)), output in order:"]
            for endpoint in call.builtin.endpoints where endpoint.repetition != .once {
                if case .input(let type)? = endpoint.condition, type != name, !name.isEmpty { continue }
                lines += await request(endpoint, of: call, indent: indent + "  ", remembered: &remembered)
            }
            return lines
        case .call(let call) where call.builtin.effect == .writesAPI:
            return [indent + "writes to CircleCI for each row, one at a time"]
        case .userCall(let callee, _):
            return [indent + "runs `\(callee.name)`"]
        case .slice(let kind, _) where kind == .take || kind == .first:
            return [indent + "in cq; stops reading its input once it has enough rows"]
        default:
            let reads = derivedReads(stage, row: row.recordSchema)
            guard stage.evaluatesConcurrently, !reads.isEmpty else {
                return [
                    indent + (stage.evaluatesConcurrently ? "in cq, \(pace(of: stage)) (it makes requests)" : "in cq")
                ]
            }
            var lines = [indent + "in cq, \(pace(of: stage)); reads derived fields that make requests:"]
            for field in reads {
                lines.append(indent + "  `\(field.field.name)` of each \(field.typeName):")
                for endpoint in field.endpoints {
                    lines += await request(endpoint, of: nil, indent: indent + "    ", remembered: &remembered)
                }
            }
            return lines
        }
    }

    /// How many rows a concurrent stage works on at once.
    private func pace(of stage: BoundStage) -> String {
        stage.feedsALimit
            ? "1 row at a time at first, up to \(concurrency) as a later take or first asks for more"
            : "\(concurrency) rows at a time"
    }

    /// The derived fields the result shows that need requests (table and JSON
    /// output show whole records).
    private func output(of expr: BoundExpr) -> [String] {
        guard let schema = Binder.rowType(of: expr.type).recordSchema else { return [] }
        let fields = registry.derivedFields(of: schema.name).filter { !$0.endpoints.isEmpty }
        guard !fields.isEmpty else { return [] }
        let names = fields.map { "`\($0.field.name)`" }.joined(separator: ", ")
        let operations = fields.flatMap(\.endpoints).map(\.operation).joined(separator: ", ")
        return [
            "output: each \(schema.name) is shown with \(names) (\(operations) per row, \(concurrency) at a time);"
                + " select other fields to skip it"
        ]
    }

    func quote(_ range: SourceRange) -> String {
        source.text(in: range).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
    }
}
