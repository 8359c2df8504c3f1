import Synchronization
import JSON

/// Why random bytes could not be had.
public struct RandomBytesError: Error, Sendable, CustomStringConvertible {
    /// The `errno` of the failing call.
    public var code: Int32
    /// A readable reason.
    public var description: String { "the system random source failed (errno \(code))" }
}

/// A source of random bytes, as a value holding one closure so that code taking a `RandomBytes`
/// can be handed the operating system's generator in production and a seeded one in tests.
public struct RandomBytes: Sendable {
    /// Fills the buffer completely or throws.
    let fillBody: @Sendable (UnsafeMutableRawBufferPointer) throws(RandomBytesError) -> Void

    /// A source whose `fill` fills the whole buffer it is given.
    public init(fill: @escaping @Sendable (UnsafeMutableRawBufferPointer) throws(RandomBytesError) -> Void) {
        fillBody = fill
    }

    /// Fills `buffer` with random bytes.
    public func fill(_ buffer: UnsafeMutableRawBufferPointer) throws(RandomBytesError) {
        try fillBody(buffer)
    }

    /// `count` random bytes.
    public func bytes(_ count: Int) throws(RandomBytesError) -> [UInt8] {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 8)
        defer {
            SecureZero.zero(buffer)
            buffer.deallocate()
        }
        try fillBody(buffer)
        return Array(buffer)
    }

    /// The operating system's CSPRNG: the `getrandom(2)` system call on Linux, reached through
    /// glibc's `getentropy` (Swift's Glibc module does not export `<sys/random.h>`; `getentropy`
    /// is `getrandom(buf, n, 0)` for n ≤ 256), in chunks of 256 bytes, retrying on EINTR. Like
    /// `getrandom` with flags 0 it blocks only until the kernel pool is first initialised.
    /// `arc4random_buf` on Darwin.
    public static let system = RandomBytes { (buffer) throws(RandomBytesError) in
        guard var base = buffer.baseAddress else { return }
        var remaining = buffer.count
        #if canImport(Darwin)
        arc4random_buf(base, remaining)
        _ = base
        #else
        while remaining > 0 {
            let chunk = min(remaining, 256)
            if getentropy(base, chunk) != 0 {
                if errno == EINTR { continue }
                throw RandomBytesError(code: errno)
            }
            base += chunk
            remaining -= chunk
        }
        #endif
    }

    /// A deterministic generator for tests ONLY: SHA-256(seed ‖ counter) blocks, so the same seed
    /// always gives the same stream. Never use it for real keys.
    public static func deterministic(seed: UInt64) -> RandomBytes {
        let state = DeterministicStream()
        return RandomBytes { buffer in
            state.mutex.withLock { state in
                for index in 0..<buffer.count {
                    if state.pool.isEmpty {
                        var hasher = SHA256()
                        withUnsafeBytes(of: seed.bigEndian) { hasher.update(bufferPointer: $0) }
                        withUnsafeBytes(of: state.counter.bigEndian) { hasher.update(bufferPointer: $0) }
                        state.pool = hasher.finalize().reversed()
                        state.counter &+= 1
                    }
                    buffer[index] = state.pool.removeLast()
                }
            }
        }
    }
}

/// The state of `RandomBytes.deterministic`, shared by copies of the generator.
private final class DeterministicStream: Sendable {
    /// Blocks made so far and the unread bytes of the last one.
    let mutex = Mutex<(counter: UInt64, pool: [UInt8])>((0, []))
}
