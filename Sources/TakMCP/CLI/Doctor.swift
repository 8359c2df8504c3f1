import Store
import HTTP
import Tools

/// `tak-mcp doctor`: checks the home folder, store, lock and configuration and says in plain
/// words what is wrong and how to fix it.
enum Doctor {
    /// One finding.
    struct Finding {
        var ok: Bool
        var message: String
        var warning = false
    }

    static func run(configuration: ServerConfiguration) -> Int32 {
        let findings = check(configuration: configuration)
        for finding in findings {
            print("\(finding.ok ? (finding.warning ? "WRN" : "ok ") : "ERR") \(finding.message)")
        }
        let problems = findings.filter { !$0.ok }.count
        print(problems == 0 ? "\nAll checks passed." : "\n\(problems) problem\(problems == 1 ? "" : "s") found; fix them as said above.")
        return problems == 0 ? 0 : 1
    }

    static func check(configuration: ServerConfiguration) -> [Finding] {
        var findings: [Finding] = []
        let home = configuration.home
        do {
            try HomeFolder.prepare(home)
            findings.append(Finding(ok: true, message: "home folder \(home) exists"))
        } catch {
            findings.append(Finding(ok: false, message: "\(error)"))
            return findings
        }
        let probe = home + "/.doctor-probe-\(getpid())"
        let fd = open(probe, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        if fd >= 0 {
            close(fd)
            unlink(probe)
            findings.append(Finding(ok: true, message: "home folder is writable"))
        } else {
            findings.append(Finding(ok: false, message: "cannot write in \(home) (\(String(cString: strerror(errno)))); fix its permissions or pass --home with a writable folder"))
        }
        var info = stat()
        if stat(home, &info) == 0, info.st_mode & 0o077 != 0 {
            findings.append(Finding(ok: false, message: "home folder \(home) is readable by other users (mode \(String(info.st_mode & 0o777, radix: 8))); run: chmod 700 \(home)"))
        }
        let diagnostics = Store.check(home: HomeFolder.storeFolder(home))
        for finding in diagnostics.findings {
            let remedy = finding.remedy.map { "; \($0)" } ?? ""
            findings.append(Finding(ok: finding.severity != .problem, message: "store \(finding.subject): \(finding.detail)\(remedy)",
                                    warning: finding.severity == .warning))
        }
        if let counts = diagnostics.recordCounts {
            let total = counts.values.reduce(0, +)
            findings.append(Finding(ok: true, message: "store holds \(total) records in \(counts.count) collections"))
        }
        findings.append(webSearchFinding(ToolEnvironment.processVariable))
        if let value = getenv("TAK_LOG_LEVEL").map({ String(cString: $0) }), LogLevel(rawValue: value) == nil {
            findings.append(Finding(ok: false, message: "TAK_LOG_LEVEL=\(value) is not a level; use one of \(LogLevel.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        return findings
    }

    /// Whether research runs can search the web: the endpoint when a key is set (never the key).
    static func webSearchFinding(_ variable: (String) -> String?) -> Finding {
        guard let provider = WebSearchProvider(variable: variable, http: DefaultHTTPTransport()) else {
            return Finding(ok: true, message: "web search for research runs: not configured (set TAK_WEB_SEARCH_API_KEY); runs use the knowledge base only",
                           warning: true)
        }
        return Finding(ok: true, message: "web search for research runs: \(provider.url) (key from TAK_WEB_SEARCH_API_KEY)")
    }
}
