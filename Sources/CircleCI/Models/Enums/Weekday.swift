import Foundation

/// A day of the week in a schedule timetable.
public struct Weekday: OpenEnumeration {
    /// The raw string, exactly as the API sends it.
    public let rawValue: String

    /// Creates a value from its raw string; never fails.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// `MON`.
    public static let mon: Self = "MON"
    /// `TUE`.
    public static let tue: Self = "TUE"
    /// `WED`.
    public static let wed: Self = "WED"
    /// `THU`.
    public static let thu: Self = "THU"
    /// `FRI`.
    public static let fri: Self = "FRI"
    /// `SAT`.
    public static let sat: Self = "SAT"
    /// `SUN`.
    public static let sun: Self = "SUN"

    /// The values the API document lists.
    public static let knownValues: [Self] = [.mon, .tue, .wed, .thu, .fri, .sat, .sun]
}
