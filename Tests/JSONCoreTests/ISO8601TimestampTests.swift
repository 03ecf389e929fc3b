import Foundation
import JSONCore
import Testing

/// One timestamp codec: what it reads, and that it writes back what it read.
@Suite struct ISO8601TimestampTests {
    @Test(arguments: [
        ("2026-11-20", 1_795_132_800.0),
        ("2026-11-20T12:00:00Z", 1_795_176_000),
        ("2026-11-20T12:00:00.5Z", 1_795_176_000.5),
        ("2026-11-20t12:00:00z", 1_795_176_000),
        ("2026-11-20 12:00:00Z", 1_795_176_000),
        ("2026-11-20T12:00", 1_795_176_000),
        ("2026-11-20T12:00:00", 1_795_176_000),
        ("2026-11-20T14:00:00+02:00", 1_795_176_000),
        ("2026-11-20T14:00:00+0200", 1_795_176_000),
        ("2026-11-20T07:30:00-04:30", 1_795_176_000),
        ("  2026-11-20T12:00:00Z ", 1_795_176_000),
        ("1969-12-31T23:59:59Z", -1),
        ("2024-02-29", 1_709_164_800),
    ])
    func readsTheFormsPeopleAndAPIsWrite(_ text: String, _ seconds: Double) throws {
        let date = try #require(ISO8601Timestamp.parse(text))
        #expect(date.timeIntervalSince1970 == seconds, "\(text)")
    }

    @Test(arguments: ["", "2026", "2026-13-01", "2026-02-29", "2026-11-20T25:00:00Z", "2026-11-20T12:00:00.Z",
                      "2026-11-20T12:00:00Q", "2026-11-20X", "20261120", "yesterday"])
    func refusesWhatIsNotATimestamp(_ text: String) {
        #expect(ISO8601Timestamp.parse(text) == nil, "\(text)")
    }

    @Test func formatsWithMillisecondsOnlyWhenPresentAndRoundTrips() throws {
        let whole = Date(timeIntervalSince1970: 1_795_176_000)
        #expect(ISO8601Timestamp.format(whole) == "2026-11-20T12:00:00Z")
        #expect(ISO8601Timestamp.format(whole, fraction: .always) == "2026-11-20T12:00:00.000Z")
        for millis in [1, 59, 650, 999] {
            let text = "2025-11-05T13:54:59.\(String(format: "%03d", millis))Z"
            let date = try #require(ISO8601Timestamp.parse(text))
            #expect(ISO8601Timestamp.format(date) == text)
            #expect(ISO8601Timestamp.format(date.addingTimeInterval(-0.0004)) == text)
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let millis = Int64.random(in: -2_000_000_000_000...4_000_000_000_000, using: &generator)
            let date = Date(timeIntervalSince1970: Double(millis) / 1000)
            let text = ISO8601Timestamp.format(date, fraction: .always)
            let parsed = try #require(ISO8601Timestamp.parse(text))
            #expect(ISO8601Timestamp.format(parsed, fraction: .always) == text)
        }
    }
}
