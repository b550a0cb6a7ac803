// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Comparison",
    platforms: [.macOS(.v14)],
    products: [.library(name: "Comparison", targets: ["Comparison"])],
    dependencies: [.package(path: "../Domain")],
    targets: [
        .target(name: "Comparison", dependencies: [.product(name: "Domain", package: "Domain")]),
    ]
)
