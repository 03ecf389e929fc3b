#if canImport(Glibc)
    import Glibc
    import TestSupport
#endif

/// Finds executables built by SwiftPM next to the test bundle, so pseudo-terminal
/// tests can run `REPLHarness` now and the real `cq` later.
enum BuiltProducts {
    /// The path of the built executable `name`. Looks in `$CQ_BUILT_PRODUCTS_DIR`,
    /// then next to the running test binary, then in the package's `.build/debug`.
    static func executable(named name: String) throws -> String {
        for directory in searchDirectories() {
            let path = directory + "/" + name
            if access(path, X_OK) == 0 { return path }
        }
        throw PseudoTerminal.Failure(
            description: "no built `\(name)` in \(searchDirectories()); run `swift build --product \(name)` first")
    }

    private static func searchDirectories() -> [String] {
        var directories: [String] = []
        if let explicit = getenv("CQ_BUILT_PRODUCTS_DIR") { directories.append(String(cString: explicit)) }
        if let running = currentExecutable() { directories.append(parent(of: running)) }
        directories.append(parent(of: CommandLine.arguments[0]))
        directories.append(packageRoot() + "/.build/debug")
        return directories
    }

    private static func currentExecutable() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `Tests/REPLTests/Support/BuiltProducts.swift` is three levels below the root.
    private static func packageRoot(file: String = #filePath) -> String {
        var path = file
        for _ in 0..<4 { path = parent(of: path) }
        return path
    }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
