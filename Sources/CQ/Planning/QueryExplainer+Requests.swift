extension QueryExplainer {
    /// A request of a stage, or one line saying it is not made again when an
    /// earlier stage already made it and it is remembered.
    func request(_ endpoint: Endpoint, of call: BoundCall?, indent: String, remembered: inout Set<String>) async
        -> [String]
    {
        guard endpoint.isRemembered else { return await request(endpoint, of: call, indent: indent, prefix: "") }
        guard remembered.insert(endpoint.operation).inserted else {
            return [indent + "\(endpoint.operation): already requested above for these rows, not again"]
        }
        return await request(endpoint, of: call, indent: indent, prefix: "")
    }

    /// `GET /path?query · operation · paged · caching`, with the arguments of
    /// `call` that are constants filled in.
    func request(_ endpoint: Endpoint, of call: BoundCall?, indent: String, prefix: String) async -> [String] {
        var path = ""
        for part in endpoint.path.split(separator: "{", omittingEmptySubsequences: false).enumerated() {
            guard part.offset > 0, let close = part.element.firstIndex(of: "}") else {
                path += part.element
                continue
            }
            let name = String(part.element[..<close])
            if !name.hasPrefix("."), let argument = call?.argument(name), argument.value.isConstant,
                let text = await constant(argument.value)
            {
                path += text
            } else {
                path += "{\(name.hasPrefix(".") ? String(name.dropFirst()) : name)}"
            }
            path += part.element[part.element.index(after: close)...]
        }
        var query: [String] = []
        for item in endpoint.query {
            if let condition = item.condition, let call, QueryPlanner.holds(condition, for: call) != true { continue }
            switch item.value {
            case .constant(let value): query.append("\(item.name)=\(value)")
            case .argument(let name):
                guard let argument = call?.argument(name) else { continue }
                query.append("\(item.name)=\(await constant(argument.value) ?? "{\(name)}")")
            }
        }
        let target = path + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
        var details = [endpoint.operation]
        if case .perItem(let item) = endpoint.repetition { details.append("one request per \(item)") }
        if endpoint.isPaged { details.append("paged: each page only when needed") }
        details.append(Self.describe(endpoint.caching))
        return [indent + prefix + "\(endpoint.method) \(target)", indent + "  " + details.joined(separator: " · ")]
    }

    static func describe(_ caching: Endpoint.Caching) -> String {
        switch caching {
        case .shortLived: "cache: briefly"
        case .untilFinished: "cache: kept once finished"
        case .permanent: "cache: kept"
        case .never: "never cached"
        }
    }

    func describe(_ condition: Endpoint.Condition?) -> String {
        switch condition {
        case nil: "always"
        case .isTrue(let name)?: "\(name): true"
        case .given(let name)?: "\(name): is given"
        case .absent(let name)?: "\(name): is not given"
        case .input(let type)?: "input is \(type)"
        }
    }

    /// A constant's value as text for a request, or `nil` when it has none yet.
    func constant(_ expr: BoundExpr) async -> String? {
        guard expr.isConstant, let value = try? await evaluator.value(of: expr, in: Scope(environment)) else {
            return nil
        }
        return value.isNull ? nil : value.plainText
    }

    /// A constant's value as text, or the expression as written.
    func constantText(_ expr: BoundExpr) async -> String {
        let written = quote(expr.range)
        guard let value = await constant(expr) else { return "`\(written)`" }
        if case .literal = expr.kind { return value }
        return "\(value) (`\(written)`)"
    }

    /// The derived fields that need requests which `stage` reads.
    func derivedReads(_ stage: BoundStage, row: RecordSchema?) -> [DerivedField] {
        var names: [String] = []
        var fields: [DerivedField] = []
        func visit(_ expr: BoundExpr) {
            _ = expr.contains { inner in
                var candidate: (String, RecordSchema)?
                if case .name(let name) = inner.kind, let row { candidate = (name, row) }
                if case .member(let base, let field) = inner.kind, let schema = base.type.recordSchema {
                    candidate = (field.name, schema)
                }
                if let (name, schema) = candidate, schema.field(name)?.isDerived == true,
                    let derived = registry.derivedField(name, of: schema.name), !derived.endpoints.isEmpty,
                    !names.contains("\(schema.name).\(name)")
                {
                    names.append("\(schema.name).\(name)")
                    fields.append(derived)
                }
                return false
            }
        }
        stage.children.forEach(visit)
        return fields
    }

    /// Whether a statement calls the API anywhere.
    func makesRequests(_ statement: BoundStatement) -> Bool {
        switch statement.kind {
        case .let(_, let value), .expression(let value): makesRequests(value)
        case .def: false
        }
    }

    func makesRequests(_ expr: BoundExpr) -> Bool {
        expr.contains { inner in
            if case .call(let call) = inner.kind, call.builtin.effect != .pure { return true }
            if case .pipeline(_, let stages) = inner.kind {
                return stages.contains { $0.builtin.map { $0.effect != .pure } ?? false }
            }
            return false
        }
    }
}
