
/// Path-level file operations: status, folders, renames, removal, folder sync.
enum FileSystem {
    /// The status of `path` (following symbolic links), or nil if nothing is there.
    static func status(_ path: String) throws(StoreError) -> FileStatus? {
        var raw = stat()
        guard stat(path, &raw) == 0 else {
            if errno == ENOENT { return nil }
            throw SystemError.make("stat", path: path, errno: errno)
        }
        return FileStatus(raw)
    }

    /// Creates `path` and any missing parent folders with `mode`, syncing each new entry's parent.
    /// Returns whether the last folder was created.
    @discardableResult
    static func createDirectories(_ path: String, mode: mode_t = 0o700) throws(StoreError) -> Bool {
        if let existing = try status(path) {
            guard existing.isDirectory else {
                throw StoreError(.ioFailure, "\(path) exists but is not a folder; choose another store folder or move that file away.",
                                 path: path, errno: ENOTDIR)
            }
            return false
        }
        let parent = parentDirectory(of: path)
        if parent != path { try createDirectories(parent, mode: mode) }
        if mkdir(path, mode) != 0, errno != EEXIST { throw SystemError.make("create the folder", path: path, errno: errno) }
        // mkdir applies the umask; the store folder must be private whatever the umask is.
        _ = chmod(path, mode)
        try syncDirectory(parent)
        return true
    }

    /// Flushes a folder's entries (new, renamed and removed names) to the disk.
    static func syncDirectory(_ path: String) throws(StoreError) {
        guard let folder = try OpenFile.open(path, flags: O_RDONLY | O_DIRECTORY) else {
            throw SystemError.make("open the folder", path: path, errno: ENOENT)
        }
        try folder.sync()
    }

    /// Atomically replaces `destination` with `source`.
    static func rename(_ source: String, to destination: String) throws(StoreError) {
        guard Glibc.rename(source, destination) == 0 else {
            throw SystemError.make("rename \(source) to", path: destination, errno: errno)
        }
    }

    /// Removes a file if it exists; returns whether it did.
    @discardableResult
    static func removeIfPresent(_ path: String) throws(StoreError) -> Bool {
        if unlink(path) == 0 { return true }
        if errno == ENOENT { return false }
        throw SystemError.make("remove", path: path, errno: errno)
    }

    /// Whether the current user may write into `path`.
    static func isWritable(_ path: String) -> Bool { access(path, W_OK) == 0 }

    /// The folder that holds `path` ("." for a bare name, "/" for the root).
    static func parentDirectory(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        if slash == trimmed.startIndex { return "/" }
        return String(trimmed[..<slash])
    }

    /// `name` inside the folder `directory`.
    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
