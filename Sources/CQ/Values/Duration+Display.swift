extension Duration {
    /// The length in seconds, as a `Double`.
    public var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }

    /// The longest duration cq computes with: about 31,700 years either way.
    /// Longer results of arithmetic are clamped to it rather than overflowing.
    public static let maximumSeconds = 1e12

    /// Creates a duration from a number of seconds, to the millisecond,
    /// clamped to ±``maximumSeconds`` (not-a-number becomes zero).
    public static func seconds(fromDouble seconds: Double) -> Duration {
        guard !seconds.isNaN else { return .zero }
        let clamped = Swift.min(Swift.max(seconds, -maximumSeconds), maximumSeconds)
        return .milliseconds(Int64((clamped * 1000).rounded()))
    }

    /// A compact human form: `850ms`, `12.5s`, `3m 20s`, `2h 5m`, `3d 4h`.
    public var humanReadable: String {
        let total = Swift.min(Swift.max(seconds, -Self.maximumSeconds), Self.maximumSeconds)
        let sign = total < 0 ? "-" : ""
        let magnitude = abs(total)
        if magnitude < 1 { return "\(sign)\(Int((magnitude * 1000).rounded()))ms" }
        if magnitude < 60 {
            let rounded = (magnitude * 10).rounded() / 10
            return rounded == rounded.rounded()
                ? "\(sign)\(Int(rounded))s" : "\(sign)\(rounded)s"
        }
        let wholeSeconds = Int(magnitude.rounded())
        let units: [(String, Int)] = [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)]
        var parts: [String] = []
        var remaining = wholeSeconds
        for (unit, size) in units where remaining >= size || (!parts.isEmpty && parts.count < 2) {
            let count = remaining / size
            remaining -= count * size
            if count > 0 || !parts.isEmpty { parts.append("\(count)\(unit)") }
            if parts.count == 2 { break }
        }
        if parts.last?.hasPrefix("0") == true { parts.removeLast() }
        return sign + parts.joined(separator: " ")
    }
}
