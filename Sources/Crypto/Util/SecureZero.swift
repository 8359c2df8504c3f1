
/// Overwrites secret buffers with zeros in a way the optimizer may not drop.
enum SecureZero {
    /// Zeroes every byte of `bytes` (its count is kept).
    static func zero(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { zero($0) }
    }

    /// Zeroes the memory at `buffer`.
    static func zero(_ buffer: UnsafeMutableRawBufferPointer) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        #if canImport(Glibc) || canImport(Musl)
        explicit_bzero(base, buffer.count)
        #elseif canImport(Darwin)
        _ = memset_s(base, buffer.count, 0, buffer.count)
        #else
        for index in 0..<buffer.count { buffer[index] = 0 }
        #endif
    }
}
