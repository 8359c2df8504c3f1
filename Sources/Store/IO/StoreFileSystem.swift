
/// The system calls through which the store writes its files' contents and makes them durable,
/// injected through `StoreOptions.fileSystem` so that tests can fill the disk (`ENOSPC`) or fail
/// a sync at a chosen byte, and watch the store cope.
///
/// Each behaves as its C call: it returns -1 and sets `errno` on failure, and a write may write
/// fewer bytes than asked (the store writes the rest, or stops at the first failure).
public struct StoreFileSystem: Sendable {
    /// `pwrite(2)`: writes up to `bytes.count` bytes at `offset` of `descriptor`; returns how
    /// many, or -1 with `errno` set.
    public var write: @Sendable (_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, _ offset: Int) -> Int
    /// `fdatasync(2)` when `dataOnly`, else `fsync(2)`; returns 0, or -1 with `errno` set.
    public var sync: @Sendable (_ descriptor: Int32, _ dataOnly: Bool) -> Int32

    /// A file system from its calls.
    public init(write: @escaping @Sendable (_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, _ offset: Int) -> Int,
                sync: @escaping @Sendable (_ descriptor: Int32, _ dataOnly: Bool) -> Int32) {
        self.write = write
        self.sync = sync
    }

    /// The operating system's calls.
    public static let system = StoreFileSystem(
        write: { descriptor, bytes, offset in pwrite(descriptor, bytes.baseAddress, bytes.count, off_t(offset)) },
        sync: { descriptor, dataOnly in dataOnly ? fdatasync(descriptor) : fsync(descriptor) })
}
