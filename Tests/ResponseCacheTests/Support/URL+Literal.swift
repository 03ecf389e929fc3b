import Foundation

extension URL {
    /// A URL written in a test; a typo stops the test run loudly.
    init(literal: String) {
        guard let url = URL(string: literal) else { fatalError("bad URL literal \(literal)") }
        self = url
    }
}
