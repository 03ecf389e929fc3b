import CircleCISimulator
import Foundation

/// The seeded NDJSON file of job-like records the local-data benchmarks
/// read: `{"id", "name", "status", "duration", "started_at", "pipeline_number"}`,
/// about 160 bytes a record, the same bytes on every machine (the simulator's
/// SeededRandom, SplitMix64, seed 42).
enum JobsFile {
    static let names = [
        "lint", "build", "unit-tests", "integration-tests", "deploy-staging", "deploy-production", "docker-publish",
        "e2e", "security-scan", "docs", "migrate-db", "smoke",
    ]

    /// Writes `count` records to `url`.
    static func write(_ count: Int, to url: URL) throws {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var random = SeededRandom(seed: 42)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        let base = 1_795_176_000
        for index in 0..<count {
            let high = random.next()
            let low = random.next()
            let id =
                hex(high >> 32, 8) + "-" + hex((high >> 16) & 0xFFFF, 4) + "-" + hex(high & 0xFFFF, 4) + "-"
                + hex(low >> 48, 4) + "-" + hex(low & 0xFFFF_FFFF_FFFF, 12)
            let name = names[Int(random.next() % UInt64(names.count))]
            let status = self.status(random.next() % 100)
            let millis = 1_000 + Int(random.next() % 899_000)
            let started = base - Int(random.next() % (30 * 86_400))
            let duration = "\(millis / 1000)." + pad(millis % 1000, 3)
            let line =
                "{\"id\":\"\(id)\",\"name\":\"\(name)\",\"status\":\"\(status)\",\"duration\":\(duration),"
                + "\"started_at\":\"\(timestamp(started))\",\"pipeline_number\":\(1000 + index / 8)}\n"
            buffer.append(contentsOf: line.utf8)
            if buffer.count > (1 << 20) - 512 {
                try handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: buffer)
    }

    private static func status(_ roll: UInt64) -> String {
        switch roll {
        case ..<78: "success"
        case ..<90: "failed"
        case ..<95: "canceled"
        case ..<98: "running"
        default: "not_run"
        }
    }

    private static func hex(_ value: UInt64, _ width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func timestamp(_ seconds: Int) -> String {
        let date = Date(timeIntervalSince1970: TimeInterval(seconds))
        return date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
    }
}
