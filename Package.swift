// swift-tools-version: 6.0
import Foundation
import PackageDescription

// `RTMCHECK_CORE=1 swift test` builds and tests only the dependency-free core
// (RTMProtocol, RTMMachines, ModelChecker, StateGraph): fast iteration on 2 cores.
let coreOnly = Context.environment["RTMCHECK_CORE"] != nil

var targets: [Target] = [
    .target(name: "RTMProtocol"),
    .target(name: "RTMMachines", dependencies: ["RTMProtocol"]),
    .target(name: "ModelChecker"),
    .target(name: "StateGraph"),
    .testTarget(name: "RTMProtocolTests", dependencies: ["RTMProtocol"]),
    .testTarget(name: "RTMMachinesTests", dependencies: ["RTMMachines"]),
    .testTarget(name: "ModelCheckerTests", dependencies: ["ModelChecker"]),
    .testTarget(name: "StateGraphTests", dependencies: ["StateGraph"]),
]
var products: [Product] = []

// jemalloc replaces the C library's malloc in the rtmcheck executable when its development files are
// installed (`apt-get install -y libjemalloc-dev`; .ci/run does): the checker's hot path allocates and
// frees small values, and jemalloc makes it 10-20% faster, more with several workers. Without it the
// build uses the system allocator. `RTMCHECK_NO_JEMALLOC=1` opts out.
let jemalloc: Bool = {
    guard Context.environment["RTMCHECK_NO_JEMALLOC"] == nil else { return false }
    let directories = [
        "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/local/lib",
        "/opt/homebrew/lib",
    ]
    return directories.contains { FileManager.default.fileExists(atPath: $0 + "/pkgconfig/jemalloc.pc") }
}()
var dependencies: [Package.Dependency] = []

if !coreOnly {
    dependencies += [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ]
    targets += [
        .systemLibrary(name: "CGraphviz", pkgConfig: "libgvc", providers: [.apt(["libgraphviz-dev"])]),
        .systemLibrary(name: "CJemalloc", pkgConfig: "jemalloc", providers: [.apt(["libjemalloc-dev"])]),
        .target(name: "GraphvizRenderer", dependencies: ["CGraphviz", "StateGraph"]),
        .target(
            name: "RTMSystem",
            dependencies: ["RTMMachines", "ModelChecker", "StateGraph", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "RTMKit", dependencies: ["RTMMachines", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "RTMTrace", dependencies: ["RTMKit", "RTMSystem"]),
        .executableTarget(
            name: "rtmcheck",
            dependencies: [
                "RTMProtocol", "RTMMachines", "ModelChecker", "RTMSystem", "RTMKit", "RTMTrace",
                "StateGraph", "GraphvizRenderer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ] + (jemalloc ? ["CJemalloc"] : [])
        ),
        .testTarget(name: "RTMSystemTests", dependencies: ["RTMSystem"]),
        .testTarget(name: "RTMKitTests", dependencies: ["RTMKit"]),
        .testTarget(name: "RTMTraceTests", dependencies: ["RTMTrace"]),
        .testTarget(name: "GraphvizRendererTests", dependencies: ["GraphvizRenderer"]),
    ]
    products += [.executable(name: "rtmcheck", targets: ["rtmcheck"])]
}

let package = Package(
    name: "RTMCheck",
    platforms: [.macOS(.v14)],
    products: products,
    dependencies: dependencies,
    targets: targets,
    swiftLanguageModes: [.v6]
)
