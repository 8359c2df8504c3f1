
/// Which file a path named when it was looked at: device and inode.
///
/// A file replaced by `rename` gets a new identity, which is how a process notices that another one
/// compacted the store. While a descriptor stays open its inode cannot be reused.
struct FileIdentity: Hashable, Sendable {
    /// The device number.
    var device: UInt64
    /// The inode number.
    var inode: UInt64
}

/// The facts of `stat` the store uses.
struct FileStatus: Sendable {
    /// Which file this is.
    var identity: FileIdentity
    /// Its size in bytes.
    var size: Int
    /// Its permission bits and type.
    var mode: UInt32
    /// Whether it is a directory.
    var isDirectory: Bool { mode & UInt32(S_IFMT) == UInt32(S_IFDIR) }

    /// Reads the fields out of a `stat` result.
    init(_ raw: stat) {
        identity = FileIdentity(device: UInt64(raw.st_dev), inode: UInt64(raw.st_ino))
        size = Int(raw.st_size)
        mode = UInt32(raw.st_mode)
    }
}

/// An open file descriptor, closed when the last reference goes away.
///
/// Not `Sendable`: each instance is used by one owner at a time (the store engine, under its mutex).
final class OpenFile {
    /// The descriptor.
    let descriptor: Int32
    /// The path it was opened by, for messages.
    let path: String
    /// The calls that write and sync it.
    let system: StoreFileSystem

    /// Wraps a descriptor that this object now owns.
    private init(descriptor: Int32, path: String, system: StoreFileSystem) {
        self.descriptor = descriptor
        self.path = path
        self.system = system
    }

    /// Closes the descriptor.
    deinit { _ = close(descriptor) }

    /// Opens `path` with `flags` (close-on-exec is added); returns nil when the file does not exist and
    /// `flags` does not ask to create it. Writes and syncs go through `system`.
    static func open(_ path: String, flags: Int32, mode: mode_t = 0o600,
                     system: StoreFileSystem = .system) throws(StoreError) -> OpenFile? {
        while true {
            let fd = Glibc.open(path, flags | O_CLOEXEC, mode)
            if fd >= 0 { return OpenFile(descriptor: fd, path: path, system: system) }
            let code = errno
            if code == EINTR { continue }
            if code == ENOENT, flags & O_CREAT == 0 { return nil }
            throw SystemError.make("open", path: path, errno: code)
        }
    }

    /// Opens `path` with `flags`, creating it (with `mode`) if it does not exist.
    static func create(_ path: String, flags: Int32, mode: mode_t = 0o600,
                       system: StoreFileSystem = .system) throws(StoreError) -> OpenFile {
        guard let file = try open(path, flags: flags | O_CREAT, mode: mode, system: system) else {
            throw SystemError.make("create", path: path, errno: ENOENT)
        }
        return file
    }

    /// The file's current status.
    func status() throws(StoreError) -> FileStatus {
        var raw = stat()
        guard fstat(descriptor, &raw) == 0 else { throw SystemError.make("stat", path: path, errno: errno) }
        return FileStatus(raw)
    }

    /// Reads exactly `count` bytes at `offset`, or fewer if the file ends first.
    func read(at offset: Int, count: Int) throws(StoreError) -> [UInt8] {
        guard count > 0 else { return [] }
        var result = [UInt8](repeating: 0, count: count)
        var done = 0
        var failure: Int32 = 0
        result.withUnsafeMutableBytes { buffer in
            while done < count {
                let got = pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset + done))
                if got > 0 { done += got; continue }
                if got == 0 { break }
                if errno == EINTR { continue }
                failure = errno
                break
            }
        }
        if failure != 0 { throw SystemError.make("read", path: path, errno: failure) }
        if done < count { result.removeLast(count - done) }
        return result
    }

    /// Writes all of `bytes` at `offset`, retrying short writes; throws on the first failure, after
    /// which some prefix of the bytes may be in the file.
    func write(_ bytes: some Collection<UInt8>, at offset: Int) throws(StoreError) {
        var failure: Int32 = 0
        let written: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            var done = 0
            while done < buffer.count {
                let put = system.write(descriptor, UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[done...]), offset + done)
                if put >= 0 { done += put; continue }
                if errno == EINTR { continue }
                failure = errno
                return
            }
        }
        if written == nil { return try write(Array(bytes), at: offset) }
        if failure != 0 { throw SystemError.make("write", path: path, errno: failure) }
    }

    /// Flushes the file's data (and, unless `dataOnly`, all its metadata) to the disk.
    func sync(dataOnly: Bool = false) throws(StoreError) {
        while system.sync(descriptor, dataOnly) != 0 {
            if errno == EINTR { continue }
            throw SystemError.make("fsync", path: path, errno: errno)
        }
    }

    /// Cuts the file to `size` bytes.
    func truncate(to size: Int) throws(StoreError) {
        while ftruncate(descriptor, off_t(size)) != 0 {
            if errno == EINTR { continue }
            throw SystemError.make("truncate", path: path, errno: errno)
        }
    }

    /// Reads the whole file from the start.
    func readAll() throws(StoreError) -> [UInt8] {
        try read(at: 0, count: status().size)
    }
}
