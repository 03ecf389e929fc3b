import CQ
import Foundation
import JSONCore

/// The JSON layer beside Foundation's: the first 100,000 records of the
/// export as one JSON array (about 16 MB), parsed and written back.
struct JSONLayerBenchmark {
    let file: URL

    /// A job record as a typed client would decode it.
    struct Job: Codable {
        var id: String
        var name: String
        var status: String
        var duration: Double
        var started_at: String
        var pipeline_number: Int
    }

    func report() throws {
        let data = try Data(contentsOf: file)
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
        lines = Array(lines.prefix(100_000))
        var array = Data("[".utf8)
        for (index, line) in lines.enumerated() {
            if index > 0 { array.append(UInt8(ascii: ",")) }
            array.append(contentsOf: line)
        }
        array.append(UInt8(ascii: "]"))
        let megabytes = Double(array.count) / 1e6
        let bytes = [UInt8](array)
        print(String(format: "\n== JSON layer: %d records as one array, %.1f MB (best of 3) ==", lines.count, megabytes))
        print("| parse into | time | MB/s |")
        print("|---|---|---|")
        var values: Value = .null
        var tree: JSON = .null
        var objects: Any = 0
        var jobs: [Job] = []
        row("cq `Value` (JSONCore, no intermediate tree)", megabytes) { values = (try? JSONParser.parse(bytes)) ?? .null }
        row("JSONCore `JSON` tree", megabytes) { tree = (try? JSON.parse(bytes)) ?? .null }
        row("Foundation `JSONSerialization`", megabytes) { objects = (try? JSONSerialization.jsonObject(with: array)) ?? 0 }
        row("Foundation `JSONDecoder` → `[Job]` (typed)", megabytes) {
            jobs = (try? JSONDecoder().decode([Job].self, from: array)) ?? []
        }
        print("| write from | time | MB/s |")
        print("|---|---|---|")
        row("cq `Value.jsonText()`", megabytes) { _ = values.jsonText() }
        row("JSONCore `JSON.serialized()`", megabytes) { _ = tree.serialized() }
        row("Foundation `JSONSerialization`", megabytes) { _ = try? JSONSerialization.data(withJSONObject: objects) }
        row("Foundation `JSONEncoder` ← `[Job]`", megabytes) { _ = try? JSONEncoder().encode(jobs) }
        let parsedRecords = values.listValue?.count ?? 0
        print("(\(parsedRecords) records parsed by cq, \((objects as? [Any])?.count ?? 0) by JSONSerialization, \(jobs.count) decoded)")
    }

    private func row(_ label: String, _ megabytes: Double, _ body: () -> Void) {
        let milliseconds = (0..<3).map { _ in Measure.time(repeat: 1, body) }.min() ?? 0
        print(String(format: "| %@ | %.0f ms | %.0f |", label, milliseconds, megabytes / milliseconds * 1000))
    }
}
