import ArgumentParser
import ResponseCache

/// The response-cache options of commands that evaluate queries.
struct CacheOptions: ParsableArguments {
    @Flag(name: .long, help: "Neither read nor store cached responses for this run.")
    var noCache = false

    @Flag(name: .long, help: "Fetch everything again and rewrite the cached responses.")
    var refresh = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "How long lists and running things are served from the cache (0 stores none).",
            valueName: "seconds"))
    var cacheTtl: Int = 60

    func validate() throws {
        if noCache && refresh { throw ValidationError("--no-cache and --refresh cannot be used together") }
        if cacheTtl < 0 { throw ValidationError("--cache-ttl must be 0 or more seconds") }
    }

    /// The mode the flags ask for.
    var mode: CacheMode {
        noCache ? .off : refresh ? .refresh : .normal
    }
}
