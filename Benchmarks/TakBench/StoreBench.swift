import Store
import JSON

/// Store mutation latency with 1k and 100k records already stored (the larger store may be at
/// most 1.5x slower), with fsync (the product's setting) and without (the in-memory cost fsync
/// otherwise hides), plus reads.
enum StoreBench {
    static func record(_ index: Int) -> JSONValue {
        ["name": .string("agent-\(index)"), "price_nano": .integer(Int64(index % 977) * 1000), "tags": ["search", "research"],
         "owner": .string("ag_\(String(index, radix: 16))"), "active": true]
    }

    static func run(report: inout BenchReport, quick: Bool) {
        let samples = quick ? 300 : 2_000
        for durability in [Durability.synced, .unsafeUnsynced] {
            var p50s: [Double] = []
            for size in [1_000, 100_000] {
                let home = "/tmp/tak-bench-store-\(getpid())-\(size)"
                mkdir(home, 0o700)
                defer { removeAll(home) }
                guard let store = try? Store(home: home, options: StoreOptions(log: { _ in }, durability: .unsafeUnsynced)) else { return }
                // Fill in batches of 1000 records per transaction.
                for batch in stride(from: 0, to: size, by: 1000) {
                    _ = try? store.update { transaction in
                        for index in batch..<min(size, batch + 1000) {
                            try transaction.put(collection: "deals", id: "deal_\(index)", value: record(index))
                        }
                    }
                }
                try? store.compact()
                guard let measured = try? Store(home: home, options: StoreOptions(log: { _ in }, durability: durability)) else { return }
                var times: [Double] = []
                for sample in 0..<samples {
                    let t0 = BenchClock.now()
                    _ = try? measured.update { transaction in
                        try transaction.put(collection: "deals", id: "deal_\(sample * 37 % size)", value: record(sample))
                    }
                    times.append((BenchClock.now() - t0) * 1e6)
                }
                let updates = Samples(times)
                p50s.append(updates.percentile(50))
                let label = durability == .synced ? "fsync" : "no fsync"
                report.add("store update p50 / p99, \(grouped(Double(size))) records, \(label)", updates.p50p99)
                if durability == .unsafeUnsynced {
                    var reads: [Double] = []
                    for sample in 0..<samples {
                        let t0 = BenchClock.now()
                        _ = try? measured.get(collection: "deals", id: "deal_\(sample * 13 % size)")
                        reads.append((BenchClock.now() - t0) * 1e6)
                    }
                    report.add("store get p50, \(grouped(Double(size))) records", "\(fmt(Samples(reads).percentile(50), 1)) us")
                }
            }
            if p50s.count == 2 {
                report.add("store update 100k / 1k p50 ratio, \(durability == .synced ? "fsync" : "no fsync")", "\(fmt(p50s[1] / p50s[0]))x", target: "<= 1.5x")
            }
        }
    }

    static func removeAll(_ folder: String) {
        for name in ["snapshot.json", "journal.jsonl", "store.lock"] { unlink(folder + "/" + name) }
        rmdir(folder)
    }
}
