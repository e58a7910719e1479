// swift-tools-version: 6.1
import PackageDescription

let upcoming: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("NonisolatedNonsendingByDefault"),
]

let package = Package(
    name: "lead-intake",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lead-intake", targets: ["LeadIntakeCLI"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    ],
    targets: [
        // Pure core: values in, values out. No NIO, no Postgres.
        .target(name: "LeadModel", swiftSettings: upcoming),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // Wraps libxml2 without Foundation, so Foundation-importing targets above it build.
        .target(name: "HTMLText", dependencies: ["CLibXML2"], swiftSettings: upcoming),
        .target(name: "MIME", dependencies: ["HTMLText"], swiftSettings: upcoming),
        .executableTarget(name: "dedup-bench", dependencies: ["Matching", "LeadModel"], path: "Benchmarks/DedupBenchmark", swiftSettings: upcoming),
        .executableTarget(name: "extraction-bench", dependencies: ["Extraction", "MIME", "LeadModel"], path: "Benchmarks/ExtractionBenchmark", swiftSettings: upcoming),
        .executableTarget(
            name: "identity-bench",
            dependencies: [
                "Storage", "Intake", "Matching", "LeadModel",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/IdentityBenchmark", swiftSettings: upcoming),
        .target(name: "Matching", dependencies: ["LeadModel"], swiftSettings: upcoming),
        .target(name: "Routing", dependencies: ["LeadModel", "YAMLFiles", .product(name: "Yams", package: "Yams")], swiftSettings: upcoming),
        .testTarget(name: "MatchingTests", dependencies: ["Matching", "LeadModel"], swiftSettings: upcoming),
        .testTarget(name: "RoutingTests", dependencies: ["Routing", "LeadModel", "YAMLFiles"], swiftSettings: upcoming),
        .target(name: "YAMLFiles", dependencies: [.product(name: "Yams", package: "Yams")], swiftSettings: upcoming),
        .target(name: "Extraction", dependencies: ["MIME", "HTMLText", "LeadModel", "YAMLFiles", .product(name: "Yams", package: "Yams")], swiftSettings: upcoming),

        // Effects at the edges.
        .target(
            name: "Storage",
            dependencies: [
                "LeadModel", "Matching", "Routing",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: upcoming
        ),
        .target(
            name: "Intake",
            dependencies: [
                "MIME", "Extraction", "LeadModel", "Storage",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: upcoming
        ),
        .target(
            name: "SMTPServer",
            dependencies: [
                "Intake", "Storage",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: upcoming
        ),
        .target(
            name: "WebIntake",
            dependencies: [
                "Intake", "Storage",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcoming
        ),
        .executableTarget(
            name: "LeadIntakeCLI",
            dependencies: [
                "LeadModel", "MIME", "Extraction", "Matching", "Routing", "YAMLFiles", "Storage", "Intake", "SMTPServer", "WebIntake",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: upcoming
        ),

        .executableTarget(name: "mime-bench", dependencies: ["MIME"], path: "Benchmarks/MIMEBenchmark", swiftSettings: upcoming),
        .executableTarget(name: "smtp-bench", path: "Benchmarks/SMTPBenchmark", exclude: ["peer_server.py"], swiftSettings: upcoming),

        .testTarget(name: "HTMLTextTests", dependencies: ["HTMLText"], swiftSettings: upcoming),
        .testTarget(name: "MIMETests", dependencies: ["MIME"], swiftSettings: upcoming),
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction", "MIME", "LeadModel", "YAMLFiles"], swiftSettings: upcoming),
        .testTarget(
            name: "SMTPServerTests",
            dependencies: [
                "SMTPServer",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: upcoming
        ),
        // Needs a real PostgreSQL: LEAD_INTAKE_TEST_DATABASE_URL (set by `make test`).
        .testTarget(
            name: "IntegrationTests",
            dependencies: [
                "Storage", "Intake", "SMTPServer", "WebIntake", "Extraction", "MIME", "LeadModel",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            exclude: ["Support/smtp_client.py"],
            swiftSettings: upcoming
        ),
    ]
)
