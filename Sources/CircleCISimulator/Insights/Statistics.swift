import Foundation

/// Summary statistics of durations in seconds, as Insights reports them.
struct DurationStatistics: Sendable {
    let values: [Int]

    var min: Int? { values.min() }
    var max: Int? { values.max() }
    var total: Int { values.reduce(0, +) }
    var mean: Int? { values.isEmpty ? nil : Int((Double(total) / Double(values.count)).rounded()) }
    var median: Int? { percentile(50) }
    var p95: Int? { percentile(95) }

    var standardDeviation: Double? {
        guard values.count > 1 else { return values.isEmpty ? nil : 0 }
        let mean = Double(total) / Double(values.count)
        let variance = values.reduce(0.0) { $0 + pow(Double($1) - mean, 2) } / Double(values.count - 1)
        return (variance.squareRoot() * 100).rounded() / 100
    }

    /// Nearest-rank percentile.
    func percentile(_ p: Int) -> Int? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let rank = Int((Double(p) / 100 * Double(sorted.count)).rounded(.up))
        return sorted[Swift.max(0, Swift.min(sorted.count - 1, rank - 1))]
    }

    /// `{min, mean, median, p95, max, standard_deviation}`.
    var json: JSON {
        .object([("min", .int(min)), ("mean", .int(mean)), ("median", .int(median)), ("p95", .int(p95)),
                 ("max", .int(max)), ("standard_deviation", .double(standardDeviation))])
    }
}

enum Ratio {
    /// `part / whole`, 0 when `whole` is 0, rounded to 4 places.
    static func of(_ part: Double, _ whole: Double) -> Double {
        whole == 0 ? 0 : (part / whole * 10_000).rounded() / 10_000
    }
}
