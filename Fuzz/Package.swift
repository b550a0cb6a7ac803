// swift-tools-version:6.1
// libFuzzer targets for bench's readers: a package of its own, so that `swift build` and `swift test` at the root
// neither build them nor need the fuzzer runtime. Built and run by Fuzz/fuzz (see Docs/robustness.md):
//
//     Fuzz/fuzz build                 # swift build --package-path Fuzz -Xswiftc -sanitize=fuzzer,address
//     Fuzz/fuzz run FuzzCSVReader 600 # one target for ten minutes, seeded from the test corpus
//     Fuzz/fuzz smoke 60              # every target a few seconds, a minute in all (.ci/run)
//
// Each target's `main` hands its `LLVMFuzzerTestOneInput` to libFuzzer's `LLVMFuzzerRunDriver` (SwiftPM links an
// entry point of its own into every executable, so libFuzzer's `main` would never run). The targets reach the readers' internal entry points (MetadataReader) through `@testable import`, which works in
// the build that `Fuzz/fuzz build` makes (-enable-testing).
import PackageDescription

let fuzzTargets = [
    "FuzzCSVReader", "FuzzMetadataReader", "FuzzDashboardCSV", "FuzzDashboardJSON", "FuzzDashboardXLSX", "FuzzCatalogueImport",
    "FuzzRegisterImport",
]

let package = Package(
    name: "BenchFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: "../Packages/Domain"),
        .package(path: "../Packages/Storage"),
    ],
    targets: [
        .target(name: "CFuzzer"),
        .target(
            name: "FuzzSupport",
            dependencies: ["CFuzzer", .product(name: "Domain", package: "Domain")]
        ),
    ] + fuzzTargets.map { name in
        .executableTarget(
            name: name,
            dependencies: [
                "FuzzSupport",
                .product(name: "Domain", package: "Domain"),
                .product(name: "Storage", package: "Storage"),
            ]
        )
    }
)
