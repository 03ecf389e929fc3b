/// Stages that are not keywords: `count` (also an aggregate) and `flatten`.
enum CoreStages {
    static let all: [Builtin] = [
        Builtin(
            "flatten", kind: .stage, summary: "Splices rows that are lists into the stream of rows.",
            examples: ["[[1, 2], [3]] | flatten", "pipelines(\"gh/acme/api\") | take 5 | map errors | flatten"],
            result: .fixed(.any),
            implementation: .stage { input, _ in
                .stream(
                    input.rows.flatMap { row in
                        if case .list(let elements) = row { return ValueStream(elements) }
                        return ValueStream([row])
                    })
            })
    ]
}
