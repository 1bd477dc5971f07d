#if canImport(CJemalloc)
import CJemalloc
#endif

/// The memory allocator this executable runs on, as `bench` reports it: jemalloc when the build found
/// it (Package.swift links it into rtmcheck when `libjemalloc-dev` is installed), otherwise the C
/// library's malloc. Allocation speed is a large part of the checker's time per state, so a figure
/// means little without it.
enum Allocator {
    /// "jemalloc 5.3.0" or "system malloc".
    static var name: String {
        #if canImport(CJemalloc)
        var version: UnsafePointer<CChar>? = nil
        var size = MemoryLayout<UnsafePointer<CChar>?>.size
        guard mallctl("version", &version, &size, nil, 0) == 0, let version else { return "jemalloc" }
        // "5.3.0-0-g54eaed1d…": the release, without the commit.
        return "jemalloc " + (String(cString: version).split(separator: "-").first.map(String.init) ?? "")
        #else
        return "system malloc"
        #endif
    }
}
