extension QueryPlanner {
    /// A pipeline whose source is a list endpoint, with the conditions of its
    /// leading `where` stages pushed into the request and a paging stop where
    /// the list's order allows one.
    func pipeline(_ source: BoundExpr, _ stages: [BoundStage]) -> BoundExpr.Kind {
        guard case .call(var call) = source.kind, let endpoint = listEndpoint(of: call),
            let row = Binder.rowType(of: source.type).recordSchema
        else { return .pipeline(source, stages) }
        var pushed: [(argument: BoundArgument, requires: String?)] = []
        var stop: (PagingStop, SourceRange)?
        for stage in stages {
            guard case .where(let condition) = stage.kind else { break }
            for conjunct in condition.conjuncts {
                guard let comparison = Comparison(conjunct, row: row) else { continue }
                if stop == nil, let paging = comparison.pagingStop(endpoint.order) {
                    stop = (paging, conjunct.range)
                }
                guard let filter = endpoint.filters.first(where: { comparison.serves($0) }),
                    Self.holds(filter.condition, for: call) == true,
                    call.argument(filter.parameter) == nil,
                    !pushed.contains(where: { $0.argument.parameter.name == filter.parameter }),
                    let parameter = call.builtin.parameters.first(where: { $0.name == filter.parameter }),
                    Self.accepts(parameter.type, comparison.value.type)
                else { continue }
                pushed.append((
                    BoundArgument(parameter: parameter, value: comparison.value, origin: .pushedDown(from: conjunct.range)),
                    filter.requires
                ))
            }
        }
        let names = Set(pushed.map(\.argument.parameter.name))
        call.arguments += pushed.filter { entry in
            entry.requires.map { call.argument($0) != nil || names.contains($0) } ?? true
        }.map(\.argument)
        var planned = stages
        if let (paging, range) = stop {
            planned.insert(
                BoundStage(.stopPaging(paging), range: range, inputType: source.type, type: source.type), at: 0)
        }
        return .pipeline(BoundExpr(.call(call), range: source.range, type: source.type), planned)
    }

    /// The endpoint `call` reads its list from, when that is known before it runs.
    func listEndpoint(of call: BoundCall) -> Endpoint? {
        for endpoint in call.builtin.endpoints where endpoint.repetition == .once {
            switch Self.holds(endpoint.condition, for: call) {
            case true?: return endpoint
            case false?: continue
            case nil: return nil
            }
        }
        return nil
    }

    /// Whether `condition` holds for `call`; `nil` when that depends on a
    /// value only known when the query runs.
    static func holds(_ condition: Endpoint.Condition?, for call: BoundCall) -> Bool? {
        switch condition {
        case nil: return true
        case .given(let name)?: return call.argument(name) != nil
        case .absent(let name)?: return call.argument(name) == nil
        case .input?: return false
        case .isTrue(let name)?:
            guard let argument = call.argument(name) else { return false }
            guard case .literal(let value) = argument.value.kind else { return nil }
            return value == .bool(true)
        }
    }

    /// Whether a value of static type `value` is always acceptable for a
    /// parameter of type `parameter`, so that pushing it cannot add an error.
    private static func accepts(_ parameter: ValueType, _ value: ValueType) -> Bool {
        switch (parameter.unwrapped, value.unwrapped) {
        case (.string, .string), (.string, .enumeration), (.enumeration, .string), (.enumeration, .enumeration),
            (.timestamp, .timestamp), (.timestamp, .string), (.int, .int), (.bool, .bool):
            true
        default:
            false
        }
    }
}

/// `field op constant`, read from one conjunct of a `where`.
struct Comparison {
    var field: [String]
    var op: BinaryOperator
    var value: BoundExpr

    /// The comparison `expr` makes between a field of `row` and a constant, either way round.
    init?(_ expr: BoundExpr, row: RecordSchema) {
        guard case .binary(let op, let left, let right) = expr.kind else { return nil }
        if let field = left.fieldPath(in: row), right.isConstant {
            self.init(field: field, op: op, value: right)
        } else if let field = right.fieldPath(in: row), left.isConstant, let flipped = Self.flipped(op) {
            self.init(field: field, op: flipped, value: left)
        } else {
            return nil
        }
    }

    private init(field: [String], op: BinaryOperator, value: BoundExpr) {
        self.field = field
        self.op = op
        self.value = value
    }

    private static func flipped(_ op: BinaryOperator) -> BinaryOperator? {
        switch op {
        case .equal: .equal
        case .greater: .less
        case .greaterOrEqual: .lessOrEqual
        case .less: .greater
        case .lessOrEqual: .greaterOrEqual
        default: nil
        }
    }

    /// Whether `filter` returns every row this comparison keeps.
    func serves(_ filter: Endpoint.FieldFilter) -> Bool {
        guard filter.field == field else { return false }
        switch (filter.comparison, op) {
        case (.equal, .equal), (.atOrAfter, .greater), (.atOrAfter, .greaterOrEqual), (.before, .less): return true
        default: return false
        }
    }

    /// Where paging may stop on a list in `order`, if this comparison allows it.
    func pagingStop(_ order: Endpoint.ListOrder?) -> PagingStop? {
        guard case .newestFirst(let ordered)? = order, ordered == field, op == .greater || op == .greaterOrEqual
        else { return nil }
        return PagingStop(field: field, bound: value, inclusive: op == .greaterOrEqual)
    }
}
