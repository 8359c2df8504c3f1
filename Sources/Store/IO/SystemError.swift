
/// Builds `StoreError`s for failed system calls.
enum SystemError {
    /// An `ioFailure` (`storageFull` for a full disk or quota) naming the operation, the path, the
    /// system's reason and what to check.
    static func make(_ operation: String, path: String, errno code: Int32) -> StoreError {
        StoreError(code == ENOSPC || code == EDQUOT ? .storageFull : .ioFailure, "could not \(operation) \(path): \(reason(code)) (errno \(code)). \(advice(code))",
                   path: path, errno: code)
    }

    /// The system's wording for an `errno` value.
    static func reason(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }

    /// What a person can do about a given `errno` value.
    static func advice(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: "Check that the user running tak-mcp owns the store folder and may write to it."
        case EROFS: "The file system is read-only; choose a writable store folder."
        case ENOSPC, EDQUOT: "The disk is full; free some space and try again."
        case ENOENT: "A folder on the path is missing; check the store folder setting."
        case ENOTDIR: "A part of the path is a file, not a folder; check the store folder setting."
        case EIO: "The disk reported an I/O error; check the disk and restore from a backup if needed."
        default: "Check the store folder and its disk."
        }
    }
}
