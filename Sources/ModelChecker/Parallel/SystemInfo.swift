#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Facts about the machine and the process: online processors and resident memory.
///
/// The only place the checker calls the C library (`sysconf`, `/proc/self/status`); everything
/// else is the Swift standard library.
public enum SystemInfo {
    /// The number of online processors (at least 1).
    public static var onlineProcessors: Int {
        #if canImport(Glibc) || canImport(Musl) || canImport(Darwin)
            return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
            return 1
        #endif
    }

    /// The machine's physical memory in bytes, or nil where `sysconf` does not say.
    public static var physicalMemoryBytes: Int? {
        #if canImport(Glibc) || canImport(Musl) || canImport(Darwin)
            let pages = sysconf(Int32(_SC_PHYS_PAGES))
            let size = sysconf(Int32(_SC_PAGESIZE))
            return pages > 0 && size > 0 ? pages * size : nil
        #else
            return nil
        #endif
    }

    /// The process's peak resident set size in bytes (`VmHWM` in `/proc/self/status`), or nil
    /// where that file does not exist. It covers the whole process, not one check.
    public static var peakResidentBytes: Int? { statusField("VmHWM:") }

    /// The process's current resident set size in bytes (`VmRSS`), or nil.
    public static var residentBytes: Int? { statusField("VmRSS:") }

    /// A "kB" field of `/proc/self/status`, in bytes.
    static func statusField(_ name: String) -> Int? {
        #if canImport(Glibc) || canImport(Musl)
            guard let file = fopen("/proc/self/status", "r") else { return nil }
            defer { fclose(file) }
            var buffer = [CChar](repeating: 0, count: 512)
            while fgets(&buffer, Int32(buffer.count), file) != nil {
                let line = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                guard line.hasPrefix(name) else { continue }
                let digits = line.dropFirst(name.count).filter { $0.isASCII && $0.isNumber }
                return Int(String(digits)).map { $0 * 1024 }
            }
            return nil
        #else
            return nil
        #endif
    }
}
