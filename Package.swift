// swift-tools-version: 6.2
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
]

let catalogLocales = ["ar", "de", "en", "es", "fr", "hi", "it", "ja", "ko", "nl", "pt", "ru", "zh_CN", "zh_TW"]

let package = Package(
    name: "reconcile",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "reconcile", targets: ["reconcile"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // libvirt's headers only: libvirt itself is opened at run time by CLibvirtLoader, not linked
        // (pkg-config would add -lvirt, so the headers are found in the default include path).
        .systemLibrary(
            name: "CLibvirt",
            providers: [.apt(["libvirt-dev"])]
        ),
        .target(name: "CLibvirtLoader"),
        // Reading libvirt's XML: libxml2 directly, not FoundationXML's delegate-based XMLParser over it.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Running programs and naming SSH hosts, shared by every module that shells out;
        // kept free of the other targets so any of them can depend on it.
        .target(
            name: "HostCommands",
            dependencies: [
                "Localization",
                .product(name: "Subprocess", package: "swift-subprocess"),
                // Commands and their exit status for --verbose.
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // Every message people read, in 14 languages: catalogs embedded in the binary at build time and
        // chosen by LC_ALL / LC_MESSAGES / LANG. Machine-read output stays English.
        .target(
            name: "Localization",
            resources: catalogLocales.map { .embedInCode("Catalogs/\($0).json") },
            swiftSettings: strictSettings
        ),
        .target(
            name: "Spec",
            dependencies: [
                "Localization",
                "HostCommands",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Reconciler",
            dependencies: [
                "Localization",
                "HostCommands",
                "Spec",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "LibvirtAdapter",
            dependencies: [
                "Localization",
                "CLibvirt",
                "CLibvirtLoader",
                "CLibXML2",
                "HostCommands",
                "Reconciler",
                "Spec",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "HostProbe",
            dependencies: ["Localization", "HostCommands"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ProvisioningAdapter",
            dependencies: ["Localization", "HostCommands", "Provisioning", "Reconciler", "Spec"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "HostSystemAdapter",
            dependencies: [
                "Localization",
                "Reconciler",
                "HostCommands",
                "HostProbe",
                "Spec",
            ],
            swiftSettings: strictSettings
        ),
        // `reconcile status`: what each host runs and how its guests compare with the manifests, as a
        // value the CLI renders as text, JSON or one self-contained HTML page (built with Plot).
        .target(
            name: "Status",
            dependencies: [
                "Localization",
                "HostCommands",
                "Spec",
                "Reconciler",
                "HostProbe",
                .product(name: "Plot", package: "Plot"),
            ],
            swiftSettings: strictSettings
        ),
        // What unattended runs need besides the engine: intervals and backoff, manifests from git,
        // JSON events and the Prometheus metrics file.
        .target(
            name: "Unattended",
            dependencies: [
                "Localization",
                "HostCommands",
                "Reconciler",
                "Spec",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "reconcile",
            dependencies: [
                "Localization",
                "Spec",
                "Reconciler",
                "LibvirtAdapter",
                "HostCommands",
                "HostProbe",
                "ProvisioningAdapter",
                "HostSystemAdapter",
                "Status",
                "Unattended",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                // --metrics-addr and --serve in watch mode: a small HTTP/1.1 server on plain sockets.
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Provisioning",
            dependencies: [
                "Localization",
                "HostCommands",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LocalizationTests",
            dependencies: ["Localization"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "UnattendedTests",
            dependencies: ["Unattended", "Reconciler", "HostCommands"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "HostCommandsTests",
            dependencies: ["HostCommands", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ProvisioningTests",
            dependencies: [
                "HostCommands",
                "Provisioning",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ReconcilerTests",
            dependencies: [
                "Spec", "Reconciler", "LibvirtAdapter", "CLibvirt", "HostProbe", "Status", "ProvisioningAdapter", "Localization",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ],
            // Read from the source tree by path.
            exclude: ["Corpus"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "HostProbeTests",
            dependencies: ["HostCommands", "HostProbe", "Localization"],
            resources: [.copy("Fixtures"), .copy("Golden")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "HostSystemAdapterTests",
            dependencies: ["Spec", "Reconciler", "HostCommands", "HostProbe", "HostSystemAdapter"],
            // Read from the source tree by path, so that RECONCILE_UPDATE_GOLDEN can rewrite them.
            exclude: ["Golden"],
            swiftSettings: strictSettings
        ),
    ]
)
