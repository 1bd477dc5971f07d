import CGraphviz

/// Calls `gvRenderData` whatever the type of its length parameter: `unsigned int *` in
/// Graphviz 2.42 (Debian 12), `size_t *` in later releases. Swift infers `Length` from the
/// imported C signature, so the same source compiles against both.
///
/// Returns the status and a copy of the bytes; Graphviz's buffer is freed with
/// `gvFreeRenderData` before returning.
func renderData<Length: BinaryInteger>(
    _ function: (
        OpaquePointer?, UnsafeMutablePointer<Agraph_t>?, UnsafePointer<CChar>?,
        UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, UnsafeMutablePointer<Length>?
    ) -> Int32,
    context: OpaquePointer,
    graph: UnsafeMutablePointer<Agraph_t>,
    format: String
) -> (status: Int32, bytes: [UInt8]) {
    var buffer: UnsafeMutablePointer<CChar>?
    var length: Length = 0
    let status = format.withCString { function(context, graph, $0, &buffer, &length) }
    defer { if let buffer { gvFreeRenderData(buffer) } }
    guard status == 0, let buffer, length > 0 else { return (status, []) }
    let bytes = UnsafeRawBufferPointer(start: buffer, count: Int(length))
    return (status, Array(bytes))
}
