// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Presentation",
    platforms: [.macOS(.v14)],
    products: [.library(name: "Presentation", targets: ["Presentation"])],
    dependencies: [
        .package(path: "../Domain"),
        .package(path: "../Comparison"),
    ],
    targets: [
        .target(
            name: "Presentation",
            dependencies: [
                .product(name: "Domain", package: "Domain"),
                .product(name: "Comparison", package: "Comparison"),
            ]
        ),
    ]
)
