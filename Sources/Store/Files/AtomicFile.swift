
/// Whole-file reads and crash-safe whole-file writes for small files such as keystores: the
/// bytes go to a temporary file that is fsync'd, then renamed (or linked, when the name must
/// not exist yet) into place, and the folder is fsync'd.
public enum AtomicFile {
    /// Why a file could not be read or written.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// The path.
        public var path: String
        /// What went wrong, with the system's reason.
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Writes `bytes` to `path` with `mode`. With `exclusive`, fails with `EEXIST` in the reason
    /// when `path` exists, and no reader ever sees a partial file.
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o600, exclusive: Bool = false) throws(Failure) {
        let temporary = "\(path).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw Failure(path: temporary, reason: systemReason("cannot create")) }
        var ok = true
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    ok = false
                    return
                }
                offset += written
            }
        }
        let reason = ok ? (fsync(fd) == 0 ? nil : systemReason("cannot sync")) : systemReason("cannot write")
        close(fd)
        if let reason {
            unlink(temporary)
            throw Failure(path: path, reason: reason)
        }
        if exclusive {
            let linked = link(temporary, path)
            let linkReason = linked == 0 ? nil : (errno == EEXIST ? "EEXIST: the file already exists" : systemReason("cannot link"))
            unlink(temporary)
            if let linkReason { throw Failure(path: path, reason: linkReason) }
        } else if rename(temporary, path) != 0 {
            let reason = systemReason("cannot rename into place")
            unlink(temporary)
            throw Failure(path: path, reason: reason)
        }
        syncFolder(of: path)
    }

    /// The bytes of `path`, or nil when it does not exist.
    public static func read(_ path: String, limit: Int = 16 << 20) throws(Failure) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw Failure(path: path, reason: systemReason("cannot open"))
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, reason: systemReason("cannot read"))
            }
            if count == 0 { return bytes }
            bytes += chunk[0..<count]
            if bytes.count > limit { throw Failure(path: path, reason: "larger than \(limit) bytes") }
        }
    }

    /// Creates `path` (and parents) as folders with `mode` if missing.
    public static func makeFolder(_ path: String, mode: mode_t = 0o700) throws(Failure) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else { throw Failure(path: path, reason: "exists but is not a folder") }
            return
        }
        let parent = FileSystem.parentDirectory(of: path)
        if parent != path, !parent.isEmpty { try makeFolder(parent, mode: mode) }
        if mkdir(path, mode) != 0, errno != EEXIST { throw Failure(path: path, reason: systemReason("cannot create folder")) }
    }

    /// Flushes the entries of the folder holding `path`, best effort: the file itself is already
    /// durable, and a folder that cannot be synced does not undo the write.
    static func syncFolder(of path: String) {
        try? FileSystem.syncDirectory(FileSystem.parentDirectory(of: path))
    }

    static func systemReason(_ what: String) -> String {
        "\(what): \(String(cString: strerror(errno)))"
    }
}
