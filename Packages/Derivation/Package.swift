// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Derivation",
    platforms: [.macOS(.v14)],
    products: [.library(name: "Derivation", targets: ["Derivation"])],
    dependencies: [
        .package(path: "../Domain"),
        .package(path: "../Storage"),
        .package(path: "../Comparison"),
    ],
    targets: [
        .target(
            name: "Derivation",
            dependencies: [
                .product(name: "Domain", package: "Domain"),
                .product(name: "Storage", package: "Storage"),
                .product(name: "Comparison", package: "Comparison"),
            ]
        ),
    ]
)
