
/// Files beside a store file that hold bytes taken out of it: the store never deletes a byte of
/// its journal or snapshot, it moves what it cannot use here, byte for byte.
///
/// A quarantine file is named after the file the bytes came from and the UTC time, as in
/// `journal.jsonl.quarantined-20260220T103000Z` (with `-2`, `-3`… if that name is taken).
enum Quarantine {
    /// The part of a quarantine file's name after the original name.
    static let marker = ".quarantined-"

    /// Writes `bytes` to a new quarantine file beside `path` (mode 0600), fsyncs it and its
    /// folder, and returns its path. Nothing is written over: an existing name is skipped.
    static func save(_ bytes: [UInt8], from path: String, at seconds: Int64,
                     fileSystem: StoreFileSystem, durability: Durability) throws(StoreError) -> String {
        let base = path + marker + stamp(seconds)
        var attempt = 1
        while true {
            let candidate = attempt == 1 ? base : "\(base)-\(attempt)"
            attempt += 1
            let file: OpenFile
            do throws(StoreError) {
                file = try OpenFile.create(candidate, flags: O_WRONLY | O_EXCL, system: fileSystem)
            } catch where error.errno == EEXIST {
                continue
            }
            do throws(StoreError) {
                try file.write(bytes, at: 0)
                if durability == .synced { try file.sync() }
            } catch {
                // Only a partial copy goes: the bytes are still where they came from.
                _ = try? FileSystem.removeIfPresent(candidate)
                throw error
            }
            if durability == .synced { try FileSystem.syncDirectory(FileSystem.parentDirectory(of: path)) }
            return candidate
        }
    }

    /// Whether `name` (a file name in the home) is a quarantine file.
    static func isQuarantineFile(_ name: String) -> Bool { name.contains(marker) }

    /// `YYYYMMDDTHHMMSSZ` for whole seconds since 1970, in UTC.
    static func stamp(_ seconds: Int64) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return pad(parts.tm_year + 1900, 4) + pad(parts.tm_mon + 1, 2) + pad(parts.tm_mday, 2) + "T"
            + pad(parts.tm_hour, 2) + pad(parts.tm_min, 2) + pad(parts.tm_sec, 2) + "Z"
    }
}
