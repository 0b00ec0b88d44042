// swift-tools-version:6.1
import PackageDescription

/// Settings every target shares: Swift 6 language mode (strict concurrency) plus the
/// upcoming features Hummingbird adopts, so that imports and existentials stay explicit.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Breakwater",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "breakwater", targets: ["breakwater"]),
        .library(name: "BreakwaterModel", targets: ["BreakwaterModel"]),
        .library(name: "BreakwaterIngest", targets: ["BreakwaterIngest"]),
        .library(name: "BreakwaterEnrich", targets: ["BreakwaterEnrich"]),
        .library(name: "BreakwaterDetect", targets: ["BreakwaterDetect"]),
        .library(name: "BreakwaterReport", targets: ["BreakwaterReport"]),
        .library(name: "BreakwaterStore", targets: ["BreakwaterStore"]),
        .library(name: "BreakwaterStoreSQLite", targets: ["BreakwaterStoreSQLite"]),
        .library(name: "M365Simulator", targets: ["M365Simulator"]),
        .library(name: "BreakwaterGraph", targets: ["BreakwaterGraph"]),
        .library(name: "BreakwaterCollect", targets: ["BreakwaterCollect"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .target(name: "BreakwaterModel", swiftSettings: swiftSettings),
        .target(
            name: "BreakwaterIngest",
            dependencies: ["BreakwaterModel", "BreakwaterStore"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BreakwaterStore",
            dependencies: ["BreakwaterModel", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        .systemLibrary(name: "CLibloc", pkgConfig: "libloc", providers: [.apt(["libloc-dev", "libloc-database"])]),
        .systemLibrary(name: "CMaxMindDB", pkgConfig: "libmaxminddb", providers: [.apt(["libmaxminddb-dev"])]),
        .target(
            name: "BreakwaterEnrich",
            dependencies: ["BreakwaterModel", "CLibloc", "CMaxMindDB"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BreakwaterDetect",
            dependencies: ["BreakwaterModel", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BreakwaterReport",
            dependencies: ["BreakwaterModel", "BreakwaterDetect"],
            swiftSettings: swiftSettings
        ),
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        .target(
            name: "BreakwaterStoreSQLite",
            dependencies: [
                "BreakwaterModel", "BreakwaterStore", "CZstd",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "M365Simulator",
            dependencies: [
                "BreakwaterModel",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BreakwaterGraph",
            dependencies: [
                "BreakwaterModel",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BreakwaterCollect",
            dependencies: [
                "BreakwaterModel", "BreakwaterStore", "BreakwaterIngest", "BreakwaterGraph", "BreakwaterDetect", "BreakwaterEnrich",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BreakwaterTesting",
            dependencies: ["BreakwaterModel", "BreakwaterStore"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "breakwater",
            dependencies: [
                "BreakwaterModel", "BreakwaterIngest", "BreakwaterStore", "BreakwaterStoreSQLite", "BreakwaterEnrich", "BreakwaterDetect",
                "BreakwaterReport", "M365Simulator", "BreakwaterGraph", "BreakwaterCollect",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BreakwaterModelTests",
            dependencies: ["BreakwaterModel", "BreakwaterTesting"],
            exclude: ["Fixtures", "Golden"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BreakwaterIngestTests",
            dependencies: ["BreakwaterIngest", "BreakwaterStoreSQLite", "BreakwaterTesting", "M365Simulator"],
            exclude: ["Fixtures", "Golden"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BreakwaterStoreSQLiteTests",
            dependencies: ["BreakwaterStoreSQLite", "BreakwaterTesting", "M365Simulator"],
            exclude: ["Fixtures", "Golden"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BreakwaterEnrichTests",
            dependencies: ["BreakwaterEnrich", "BreakwaterTesting"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BreakwaterDetectTests",
            dependencies: ["BreakwaterDetect", "BreakwaterTesting"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "M365SimulatorTests",
            dependencies: [
                "M365Simulator", "BreakwaterModel", "BreakwaterTesting", "BreakwaterIngest", "BreakwaterStore", "BreakwaterStoreSQLite",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BreakwaterCollectTests",
            dependencies: [
                "BreakwaterCollect", "BreakwaterModel", "BreakwaterStore", "BreakwaterStoreSQLite", "BreakwaterIngest", "BreakwaterDetect",
                "BreakwaterEnrich", "BreakwaterTesting", "M365Simulator", "BreakwaterGraph",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BreakwaterGraphTests",
            dependencies: [
                "BreakwaterGraph", "BreakwaterModel", "BreakwaterTesting",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BreakwaterCLITests",
            dependencies: ["BreakwaterTesting", "BreakwaterStoreSQLite", "M365Simulator", "BreakwaterModel"],
            exclude: ["Fixtures", "Golden"],
            swiftSettings: swiftSettings
        ),
    ]
)
