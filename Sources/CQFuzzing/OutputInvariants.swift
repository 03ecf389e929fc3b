import CQ

/// What must hold of any value a query produces: every format renders it,
/// and JSON output parses back.
enum OutputInvariants {
    static func check(_ value: Value, registry: BuiltinRegistry) async -> [String] {
        var violations: [String] = []
        let json = value.jsonText()
        if (try? JSONParser.parse(json)) == nil {
            violations.append("JSON output does not parse back: \(json.prefix(200).debugDescription)")
        }
        _ = value.jsonText(pretty: true)
        _ = value.plainText
        _ = value.cellText
        for format in OutputFormat.allCases {
            let sink = StringSink()
            do {
                _ = try await Renderer(format: format, width: 80, registry: registry).render(.value(value), to: sink)
            } catch {
                violations.append("\(format.rawValue) output of a value failed: \(error)")
            }
        }
        return violations
    }
}
