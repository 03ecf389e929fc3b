import Foundation

/// `open(path)`: reads saved data from a local JSON or NDJSON file.
enum FileFunctions {
    static let all: [Builtin] = [
        Builtin(
            "open", kind: .source, parameters: [Parameter("path", .string, summary: "a .json or .ndjson file")],
            summary: "Reads a local JSON file, or NDJSON (one JSON value per line), as values.",
            details: "Handy offline and for piping in saved data: `cq -e '…' --format json > runs.json`, then `open(\"runs.json\")`.",
            examples: ["open(\"jobs.json\") | where status == \"failed\" | count"],
            result: .fixed(.any), effect: .readsFiles,
            implementation: .function { invocation in
                let path = try invocation.requiredString("path")
                let data: Data
                do {
                    data = try Data(contentsOf: URL(fileURLWithPath: (path as NSString).expandingTildeInPath))
                } catch {
                    throw BuiltinError("cannot read \(path): \((error as NSError).localizedDescription)", kind: .runtime)
                }
                return .value(try parse(data, path: path))
            }),
    ]

    static func parse(_ data: Data, path: String) throws -> Value {
        let bytes = Array(data)
        if let whole = try? JSONParser.parse(bytes) { return whole }
        var values: [Value] = []
        var lineNumber = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            do {
                values.append(try JSONParser.parse(line))
            } catch {
                throw BuiltinError(
                    "\(path):\(lineNumber): not JSON or NDJSON: \(error.message)", kind: .runtime,
                    notes: ["open reads one JSON document, or one JSON value per line"])
            }
        }
        return .list(values)
    }
}
