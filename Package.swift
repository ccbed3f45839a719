// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "Vellum",
  products: [
    .library(name: "Vellum", targets: ["Vellum"]),
    .executable(name: "vellum", targets: ["VellumCLI"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    // `vellum serve`: the live preview's HTTP server (no configuration-file support needed).
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
  ],
  targets: [
    // C libraries, reached through pkg-config: text measurement in VellumFonts, drawing in VellumRaster.
    .systemLibrary(
      name: "CVellumText", pkgConfig: "harfbuzz",
      providers: [.apt(["libharfbuzz-dev", "libfreetype-dev", "libfontconfig-dev"])]),
    .systemLibrary(
      name: "CVellumRsvg", pkgConfig: "librsvg-2.0",
      providers: [.apt(["librsvg2-dev", "libcairo2-dev"])]),
    .systemLibrary(
      name: "CVellumPango", pkgConfig: "pangocairo",
      providers: [.apt(["libpango1.0-dev"])]),
    .systemLibrary(name: "CVellumZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

    // The pipeline, one job per target, data flowing one way.
    .target(name: "VellumDiagnostics"),
    .target(name: "VellumSpec", dependencies: ["VellumDiagnostics", "Yams"]),
    .target(
      name: "VellumData",
      dependencies: [
        "VellumSpec", .product(name: "CSV", package: "CSV.swift"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),
    .target(name: "VellumFonts", dependencies: ["VellumDiagnostics", "CVellumText"]),
    .target(name: "VellumScene", dependencies: ["VellumDiagnostics"]),
    .target(
      name: "VellumTypesetting", dependencies: ["VellumDiagnostics", "VellumSpec", "VellumFonts", "VellumScene"]),
    .target(
      name: "VellumLayout",
      dependencies: ["VellumSpec", "VellumData", "VellumFonts", "VellumScene", "VellumTypesetting"]
    ),
    // The one PNG writer (figures, diff images, images embedded in SVG), on zlib.
    .target(name: "VellumImage", dependencies: ["VellumDiagnostics", "CVellumZlib"]),
    .target(name: "VellumSVG", dependencies: ["VellumScene", "VellumImage"]),
    .target(
      name: "VellumRaster",
      dependencies: ["VellumDiagnostics", "CVellumRsvg", "CVellumPango", "VellumFonts", "VellumImage"]
    ),
    .target(
      name: "Vellum",
      dependencies: [
        "VellumSpec", "VellumData", "VellumFonts", "VellumLayout", "VellumScene", "VellumSVG", "VellumRaster",
      ]
    ),
    // Camera-ready checks on a laid-out figure: text size at print scale, contrast, collisions, colour vision.
    .target(name: "VellumLint", dependencies: ["Vellum", "VellumScene", "VellumSpec", "VellumDiagnostics"]),
    // Review tools (stale checks, semantic and pixel diffs, the gallery) built on the library.
    .target(name: "VellumReview", dependencies: ["Vellum", "VellumLint", "VellumRaster", "VellumSVG", "VellumScene"]),
    // The live preview (`vellum serve`) and the one-process render loop (`vellum serve --stdio`).
    .target(
      name: "VellumServe",
      dependencies: [
        "Vellum", "VellumReview", "VellumScene", "VellumSVG", "VellumDiagnostics",
        .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"), .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ]),
    .executableTarget(
      name: "VellumCLI",
      dependencies: [
        "Vellum", "VellumReview", "VellumLint", "VellumScene", "VellumSpec", "VellumServe",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Helpers every test file shares: package paths, the built binary, golden files, spec fixtures.
    .target(name: "VellumTestSupport", dependencies: ["Vellum"], path: "Tests/VellumTestSupport"),
    .testTarget(
      name: "VellumTests",
      dependencies: [
        "VellumTestSupport",
        "Vellum", "VellumReview", "VellumLayout", "VellumTypesetting", "VellumImage", "CVellumZlib", "VellumSVG",
        "VellumRaster", "VellumData", "VellumLint", "VellumServe",
        .product(name: "Hummingbird", package: "hummingbird"),
        "VellumSpec",
        "VellumFonts", .product(name: "ZIPFoundation", package: "ZIPFoundation"), "Yams",
      ]),
    // Property-based tests (Swift Testing with swift-property-based): generated inputs through the whole pipeline.
    .testTarget(
      name: "VellumPropertyTests",
      dependencies: [
        "Vellum", "VellumSpec", "VellumTestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
      ]),
  ]
)
