/// The canonical spelling of duration literals.
public enum DurationFormat {
    /// Units used when printing, largest first. Weeks are never printed:
    /// `7d` reads better than `1w` in `ago(7d)`.
    static let printedUnits: [(String, Int64)] = [
        ("d", 86_400_000), ("h", 3_600_000), ("m", 60_000), ("s", 1_000), ("ms", 1),
    ]

    /// `90_000` → `1m30s`; `0` → `0s`. Negative durations print with a leading `-`.
    public static func canonical(milliseconds: Int64) -> String {
        if milliseconds == 0 { return "0s" }
        if milliseconds == .min { return "-\(UInt64(bitPattern: .min))ms" }
        var rest = milliseconds.magnitude
        var result = milliseconds < 0 ? "-" : ""
        for (unit, size) in printedUnits {
            let count = rest / UInt64(size)
            if count > 0 {
                result += "\(count)\(unit)"
                rest -= count * UInt64(size)
            }
        }
        return result
    }
}
