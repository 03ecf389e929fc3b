import CQ
import Foundation

/// Opening the CircleCI pages of a result in the browser, as `gh … --web`
/// does: `cq --web -e QUERY` and the REPL's `:open [QUERY]`.
///
/// The pages are the `url` fields of the result's rows (or the result's own,
/// for one record, or strings that are URLs). Only `http` and `https` URLs
/// are opened, each as a single argument of the opener, never through a
/// shell: `$BROWSER` when set, else `open` on macOS and `xdg-open` elsewhere.
enum WebPages {
    /// A result with more pages than this is refused: narrow it with `| take`.
    static let maximum = 10

    /// Why pages could not be opened, with the exit status to end with.
    struct Failure: Error {
        let status: ExitStatus
        let message: String
    }

    /// The pages of `value`: each row's `url`, in order, without repeats.
    static func urls(in value: Value) -> [String] {
        let rows = value.listValue ?? [value]
        var seen = Set<String>()
        return rows.compactMap { row -> String? in
            let text = row.recordValue?["url"]?.stringValue ?? row.stringValue
            guard let text, isWebAddress(text) else { return nil }
            return text
        }.filter { seen.insert($0).inserted }
    }

    /// Opens the pages of `value`, saying so on `errors` (one line each).
    static func open(_ value: Value, environment: [String: String], errors: (String) -> Void) throws(Failure) {
        let urls = urls(in: value)
        guard !urls.isEmpty else {
            throw Failure(status: .queryError, message: "the result has no `url` to open (pipelines, workflows and jobs have one)")
        }
        guard urls.count <= maximum else {
            throw Failure(
                status: .usage,
                message: "the result has \(urls.count) pages to open, more than \(maximum); narrow it, e.g. `| take \(maximum)`")
        }
        var opener = try opener(environment: environment)
        guard let executable = resolve(opener[0], path: environment["PATH"] ?? "/usr/bin:/bin") else {
            throw Failure(
                status: .unavailable,
                message: "cannot open a browser: `\(opener[0])` was not found; set BROWSER to the program to use")
        }
        opener[0] = executable
        for url in urls {
            errors("Opening \(url) in your browser.\n")
            try run(opener, url)
        }
    }

    /// The opener's command words: `$BROWSER` split at spaces, or the platform's.
    static func opener(environment: [String: String]) throws(Failure) -> [String] {
        if let browser = environment["BROWSER"]?.split(separator: " ").map(String.init), !browser.isEmpty {
            return browser
        }
        #if os(macOS)
        return ["/usr/bin/open"]
        #else
        return ["xdg-open"]
        #endif
    }

    /// Runs the opener (its program resolved) on `url` and waits for it.
    private static func run(_ opener: [String], _ url: String) throws(Failure) {
        let executable = opener[0]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(opener.dropFirst()) + [url]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure(status: .unavailable, message: "cannot run \(executable): \((error as NSError).localizedDescription)")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(status: .unavailable, message: "\(opener[0]) could not open \(url) (exit \(process.terminationStatus))")
        }
    }

    /// `name` itself when it contains a slash, else the first executable of that name on `path`.
    private static func resolve(_ name: String, path: String) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    private static func isWebAddress(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), url.host != nil else { return false }
        return scheme == "https" || scheme == "http"
    }
}
