// swift-tools-version:6.1
// The workspace: five local packages in Packages/, the `bench` command-line tool in Apps/,
// and every test target in Tests/ so that `swift test` at the root runs them all.
import PackageDescription

let package = Package(
    name: "bench",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "bench", targets: ["bench"]),
    ],
    dependencies: [
        .package(path: "Packages/Domain"),
        .package(path: "Packages/Storage"),
        .package(path: "Packages/Comparison"),
        .package(path: "Packages/Derivation"),
        .package(path: "Packages/Presentation"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.19.7"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .target(
            name: "BenchCLI",
            dependencies: [
                .product(name: "Domain", package: "Domain"),
                .product(name: "Storage", package: "Storage"),
                .product(name: "Comparison", package: "Comparison"),
                .product(name: "Derivation", package: "Derivation"),
                .product(name: "Presentation", package: "Presentation"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Apps/bench/Sources/BenchCLI"
        ),
        .executableTarget(
            name: "bench",
            dependencies: ["BenchCLI"],
            path: "Apps/bench/Sources/bench"
        ),
        .testTarget(
            name: "DomainTests",
            dependencies: [
                .product(name: "Domain", package: "Domain"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "StorageTests",
            dependencies: [
                "bench",
                .product(name: "Domain", package: "Domain"),
                .product(name: "Storage", package: "Storage"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ComparisonTests",
            dependencies: [
                .product(name: "Domain", package: "Domain"),
                .product(name: "Comparison", package: "Comparison"),
                .product(name: "Presentation", package: "Presentation"),
            ]
        ),
        .testTarget(
            name: "DerivationTests",
            dependencies: [
                .product(name: "Domain", package: "Domain"),
                .product(name: "Storage", package: "Storage"),
                .product(name: "Comparison", package: "Comparison"),
                .product(name: "Derivation", package: "Derivation"),
                // To damage a kept digest as a test.
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(
            name: "PresentationTests",
            dependencies: [
                .product(name: "Domain", package: "Domain"),
                .product(name: "Comparison", package: "Comparison"),
                .product(name: "Presentation", package: "Presentation"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(
            name: "RobustnessTests",
            dependencies: [
                "bench",
                .product(name: "Domain", package: "Domain"),
                .product(name: "Storage", package: "Storage"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Corpus")]
        ),
        .testTarget(
            name: "BenchCLITests",
            dependencies: [
                "BenchCLI",
                "bench",
                .product(name: "Domain", package: "Domain"),
                .product(name: "Comparison", package: "Comparison"),
                .product(name: "Derivation", package: "Derivation"),
                .product(name: "Presentation", package: "Presentation"),
                .product(name: "Storage", package: "Storage"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"]
        ),
    ]
)
