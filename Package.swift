// swift-tools-version: 6.2
import PackageDescription

/// Lifecourse: one package, one target per layer (see README, "Architecture").
/// The dependency lists below are the layering: a target may import only what it names here,
/// and `ArchitectureTests` checks the sources' `import` lines against the same table.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// The layers the tests run at volume (generating, parsing, storing and linking populations of up to 100,000
/// persons) are compiled with optimization in debug builds too: unoptimized, they make the test run several
/// times longer. Debugging inside them is then like debugging a release build.
let optimizedInDebug: [SwiftSetting] = strict + [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "Lifecourse",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lifecourse", targets: ["lifecourse"]),
        .library(name: "LifecourseCore", targets: ["LifecourseCore"]),
        .library(name: "LifecourseFormats", targets: ["LifecourseFormats"]),
        .library(name: "LifecourseStore", targets: ["LifecourseStore"]),
        .library(name: "LifecourseIngest", targets: ["LifecourseIngest"]),
        .library(name: "LifecourseSynth", targets: ["LifecourseSynth"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .target(name: "LifecourseCore", swiftSettings: optimizedInDebug),
        .target(
            name: "LifecourseFormats",
            dependencies: ["LifecourseCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: optimizedInDebug
        ),
        .target(
            name: "LifecourseStore",
            dependencies: [
                "LifecourseCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: optimizedInDebug
        ),
        .target(name: "LifecourseLinkage", dependencies: ["LifecourseCore", "LifecourseStore"], swiftSettings: optimizedInDebug),
        .target(
            name: "LifecourseIngest",
            dependencies: ["LifecourseCore", "LifecourseFormats", "LifecourseStore", "LifecourseLinkage"],
            swiftSettings: optimizedInDebug
        ),
        .target(name: "LifecourseAnonymization", dependencies: ["LifecourseCore", "LifecourseStore"], swiftSettings: strict),
        .target(name: "LifecourseStatistics", dependencies: ["LifecourseCore", "LifecourseStore"], swiftSettings: strict),
        .target(name: "LifecourseGovernance", dependencies: ["LifecourseCore", "LifecourseStore"], swiftSettings: strict),
        .target(name: "LifecourseSynth", dependencies: ["LifecourseCore", "LifecourseFormats"], swiftSettings: optimizedInDebug),
        .target(
            name: "LifecourseServer",
            dependencies: [
                "LifecourseCore", "LifecourseFormats", "LifecourseStore", "LifecourseIngest", "LifecourseLinkage",
                "LifecourseAnonymization", "LifecourseStatistics", "LifecourseGovernance", "LifecourseSynth",
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "lifecourse",
            dependencies: [
                "LifecourseCore", "LifecourseFormats", "LifecourseStore", "LifecourseIngest", "LifecourseLinkage",
                "LifecourseAnonymization", "LifecourseStatistics", "LifecourseGovernance", "LifecourseSynth",
                "LifecourseServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict,
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        .target(
            name: "LifecourseTesting",
            dependencies: [
                "LifecourseCore", "LifecourseFormats", "LifecourseStore", "LifecourseIngest", "LifecourseLinkage",
                "LifecourseGovernance", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "LifecourseCoreTests", dependencies: ["LifecourseCore", "LifecourseTesting"], swiftSettings: strict),
        .testTarget(name: "LifecourseFormatsTests", dependencies: ["LifecourseFormats", "LifecourseTesting", .product(name: "ZIPFoundation", package: "ZIPFoundation")], swiftSettings: strict),
        .testTarget(name: "LifecourseStoreTests", dependencies: ["LifecourseStore", "LifecourseTesting", .product(name: "Crypto", package: "swift-crypto")], swiftSettings: strict),
        .testTarget(name: "LifecourseLinkageTests", dependencies: ["LifecourseLinkage", "LifecourseIngest", "LifecourseSynth", "LifecourseTesting"], swiftSettings: strict),
        .testTarget(name: "LifecourseIngestTests", dependencies: ["LifecourseIngest", "LifecourseSynth", "LifecourseTesting"], swiftSettings: strict),
        .testTarget(name: "LifecourseAnonymizationTests", dependencies: ["LifecourseAnonymization", "LifecourseTesting"], swiftSettings: strict),
        .testTarget(name: "LifecourseStatisticsTests", dependencies: ["LifecourseStatistics", "LifecourseIngest", "LifecourseSynth", "LifecourseTesting"], swiftSettings: strict),
        .testTarget(name: "LifecourseGovernanceTests", dependencies: ["LifecourseGovernance", "LifecourseTesting"], swiftSettings: strict),
        .testTarget(name: "LifecourseSynthTests", dependencies: ["LifecourseSynth", "LifecourseTesting"], swiftSettings: strict),
        .testTarget(name: "LifecourseServerTests", dependencies: ["LifecourseServer", "LifecourseTesting"], swiftSettings: strict),
        .testTarget(name: "lifecourseTests", dependencies: ["lifecourse", "LifecourseTesting"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
