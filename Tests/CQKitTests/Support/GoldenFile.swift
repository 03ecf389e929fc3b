import Foundation
import Testing

/// Expected outputs kept in `Tests/Golden/<folder>/<name>.txt`; running the
/// tests with `RECORD_SNAPSHOTS=1` rewrites them.
struct GoldenFile {
    /// `Tests/Golden/<folder>`: outside the target, so SwiftPM does not take the files for unhandled resources.
    let directory: URL

    init(folder: String) {
        directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Golden/\(folder)")
    }

    /// Compares `rendered` with the golden file `name`, recording it when asked or missing.
    func compare(_ rendered: String, with name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = directory.appendingPathComponent(name + ".txt")
        let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
        guard !recording, let golden = try? String(contentsOf: file, encoding: .utf8) else {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try rendered.write(to: file, atomically: true, encoding: .utf8)
            if !recording {
                Issue.record("golden file \(file.lastPathComponent) was missing; recorded it", sourceLocation: sourceLocation)
            }
            return
        }
        #expect(rendered == golden, "\n\(rendered)", sourceLocation: sourceLocation)
    }
}
