// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "cq",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "cq", targets: ["CQCommand"]),
        .library(name: "CircleCI", targets: ["CircleCI"]),
        .library(name: "JSONCore", targets: ["JSONCore"]),
        .library(name: "CircleCISimulator", targets: ["CircleCISimulator"]),
        .library(name: "CQ", targets: ["CQ"]),
        .library(name: "CQKit", targets: ["CQKit"]),
        .library(name: "ResponseCache", targets: ["ResponseCache"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        // JSON bytes to any value type and back, and ISO 8601 timestamps: the
        // one JSON layer of the client, the simulator and the language.
        .target(name: "JSONCore"),
        // The typed CircleCI API v2 client.
        .target(
            name: "CircleCI",
            dependencies: [
                "JSONCore",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HTTPTypesFoundation", package: "swift-http-types"),
            ]
        ),
        // A deterministic fake CircleCI organisation, in-process and on loopback.
        .target(
            name: "CircleCISimulator",
            dependencies: [
                "CircleCI", "JSONCore",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        // A response cache on disk (SQLite through GRDB) for any CircleCIClient.
        .target(
            name: "ResponseCache",
            dependencies: [
                "CircleCI",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        // The cq language: source, lexer, parser, AST, values, evaluator, diagnostics, rendering.
        .target(
            name: "CQ",
            dependencies: [
                "JSONCore",
                .product(name: "OrderedCollections", package: "swift-collections")
            ]
        ),
        // The embedding API and the builtins that turn CircleCI client calls into values.
        .target(
            name: "CQKit",
            dependencies: [
                "CQ", "CircleCI",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        // libedit, with non-variadic wrappers Swift can call.
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"]), .brew(["libedit"])]
        ),
        // The interactive session: line editing, history, completion, meta commands.
        .target(name: "REPL", dependencies: ["CLibEdit", "CQ", "CQKit"]),
        // The `cq` executable: argument parsing, output, exit codes.
        .executableTarget(
            name: "CQCommand",
            dependencies: [
                "CQ", "CQKit", "CircleCI", "CircleCISimulator", "REPL", "ResponseCache",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Examples/DailyReport: cq embedded in a Swift program, with a builtin of its own.
        .executableTarget(
            name: "cq-daily-report",
            dependencies: ["CQ", "CQKit", "CircleCI"],
            path: "Examples/DailyReport"
        ),
        // The fuzz harness: every part of cq that reads query text, checked for invariants.
        .target(
            name: "CQFuzzing",
            dependencies: ["CQ", "CQKit", "CircleCI", "CircleCISimulator"]
        ),
        // `cq-fuzz FILE…` replays inputs; built with `-sanitize=fuzzer -DFUZZING`
        // by Scripts/fuzz.sh it is a libFuzzer driver.
        .executableTarget(name: "cq-fuzz", dependencies: ["CQFuzzing"]),
        // `make bench`: requests per query, HTTP and evaluator timings, completion latency.
        .executableTarget(
            name: "CQBench",
            dependencies: ["CQ", "CQKit", "CircleCI", "CircleCISimulator", "JSONCore", "ResponseCache"],
            path: "Benchmarks/CQBench"
        ),
        // A synchronous-main runner of one query, for valgrind's instruction counts.
        .executableTarget(name: "CQProfile", dependencies: ["CQ", "CQKit"], path: "Benchmarks/CQProfile"),
        .testTarget(
            name: "CircleCITests",
            dependencies: [
                "CircleCI", "CircleCISimulator",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        .testTarget(
            name: "CircleCISimulatorTests",
            dependencies: [
                "CircleCISimulator", "CircleCI",
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "CQTests", dependencies: ["CQ", "JSONCore", "TestSupport"], resources: [.copy("Corpus")]),
        .testTarget(name: "JSONCoreTests", dependencies: ["JSONCore", "TestSupport"]),
        .testTarget(
            name: "CQKitTests",
            dependencies: [
                "CQKit", "CQ", "CircleCISimulator", "CircleCI", "CQFuzzing",
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        // A tiny program that runs the line editor with a scripted evaluator, so
        // the pseudo-terminal tests can exercise libedit without the network.
        .executableTarget(name: "REPLHarness", dependencies: ["REPL"], path: "Tests/REPLHarness"),
        // What several test targets share: the pseudo-terminal driver, a seeded generator.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "REPLTests", dependencies: ["REPL", "CQ", "CQKit", "TestSupport"]),
        .testTarget(
            name: "ResponseCacheTests",
            dependencies: [
                "ResponseCache", "CircleCI", "CircleCISimulator",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["CircleCISimulator", "CircleCI", "TestSupport"]),
    ]
)
