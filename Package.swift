// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "xieshang",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "xieshang", targets: ["xieshang"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        // Already in the graph through Vapor; named here because XieshangMail uses them directly.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        // /metrics in the Prometheus text format; swift-metrics so that libraries reporting
        // through it land in the same registry.
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
    ],
    targets: [
        .target(name: "XieshangCore", swiftSettings: strict),
        .target(
            name: "XieshangMail",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "XieshangDocuments",
            dependencies: [
                "XieshangCore",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "Sources/XieshangDocuments",
            swiftSettings: strict
        ),
        .target(
            name: "XieshangServer",
            dependencies: [
                "XieshangCore",
                "XieshangDocuments",
                "XieshangMail",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: strict
        ),
        .executableTarget(name: "xieshang", dependencies: ["XieshangServer"], swiftSettings: strict),
        .testTarget(
            name: "XieshangCoreTests",
            dependencies: ["XieshangCore"],
            // The State Council's holiday notices as published, read by the notice parser's tests.
            resources: [.copy("Calendar/Fixtures")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "XieshangDocumentsTests",
            dependencies: [
                "XieshangDocuments",
                "XieshangCore",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "XieshangMailTests", dependencies: ["XieshangMail"], swiftSettings: strict),
        .testTarget(
            name: "XieshangServerTests",
            dependencies: [
                "XieshangServer",
                .product(name: "VaporTesting", package: "vapor"),
            ],
            // Read from the source tree by the test that checks them (StoredShapesTests).
            exclude: ["Persistence/Fixtures"],
            swiftSettings: strict
        ),
    ]
)
