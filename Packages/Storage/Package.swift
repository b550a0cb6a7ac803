// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Storage",
    platforms: [.macOS(.v14)],
    products: [.library(name: "Storage", targets: ["Storage"])],
    dependencies: [
        .package(path: "../Domain"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .target(
            name: "Storage",
            dependencies: [
                .product(name: "Domain", package: "Domain"),
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for binding the millions of service rows without boxing each value.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                // For its libyaml (module CYaml): MetadataReader reads municipality.yaml event by event.
                .product(name: "Yams", package: "Yams"),
                // For XLSX (a ZIP of XML parts): `bench import-register` reads the Destatis Gemeindeverzeichnis directly,
                // `bench import-dashboard` the dashboard's per-ARS export.
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
    ]
)
