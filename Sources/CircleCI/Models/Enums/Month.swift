import Foundation

/// A month in a schedule timetable.
public struct Month: OpenEnumeration {
    /// The raw string, exactly as the API sends it.
    public let rawValue: String

    /// Creates a value from its raw string; never fails.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// `JAN`.
    public static let jan: Self = "JAN"
    /// `FEB`.
    public static let feb: Self = "FEB"
    /// `MAR`.
    public static let mar: Self = "MAR"
    /// `APR`.
    public static let apr: Self = "APR"
    /// `MAY`.
    public static let may: Self = "MAY"
    /// `JUN`.
    public static let jun: Self = "JUN"
    /// `JUL`.
    public static let jul: Self = "JUL"
    /// `AUG`.
    public static let aug: Self = "AUG"
    /// `SEP`.
    public static let sep: Self = "SEP"
    /// `OCT`.
    public static let oct: Self = "OCT"
    /// `NOV`.
    public static let nov: Self = "NOV"
    /// `DEC`.
    public static let dec: Self = "DEC"

    /// The values the API document lists.
    public static let knownValues: [Self] = [.jan, .feb, .mar, .apr, .may, .jun, .jul, .aug, .sep, .oct, .nov, .dec]
}
