/// Spelling correction over a vocabulary: candidates that share trigrams with the unknown word,
/// checked by edit distance ("brazill" → "brazil").
struct TrigramIndex: Sendable {
    /// Trigram → the ids of the terms that contain it.
    private let postings: [UInt32: [Int32]]
    /// Each term's letters.
    private let letters: [[UInt8]]
    /// Each term's document frequency, to break ties toward common terms.
    private let frequencies: [Int32]

    /// Indexes the alphabetic terms of at least four letters among `terms` that `include` accepts.
    init(terms: [String], frequencies: [Int32], include: (Int) -> Bool = { _ in true }) {
        var postings: [UInt32: [Int32]] = [:]
        var letters: [[UInt8]] = []
        letters.reserveCapacity(terms.count)
        for (id, term) in terms.enumerated() {
            let bytes = Array(term.utf8)
            letters.append(bytes)
            guard Self.isCorrectable(bytes), include(id) else { continue }
            for gram in Set(Self.trigrams(bytes)) { postings[gram, default: []].append(Int32(id)) }
        }
        self.postings = postings
        self.letters = letters
        self.frequencies = frequencies
    }

    /// Only words of letters, at least four long, are corrected (never numbers or codes like "us").
    static func isCorrectable(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 4 && bytes.allSatisfy { (97...122).contains($0) }
    }

    /// The padded trigrams of a word: "$$b", "$br", "bra", …, "il$".
    static func trigrams(_ bytes: [UInt8]) -> [UInt32] {
        let padded = [36, 36] + bytes + [36]
        return (0..<(padded.count - 2)).map { UInt32(padded[$0]) << 16 | UInt32(padded[$0 + 1]) << 8 | UInt32(padded[$0 + 2]) }
    }

    /// The most edits allowed for a word of `length` letters: 1 up to eight letters, else 2.
    static func maxDistance(_ length: Int) -> Int { length <= 8 ? 1 : 2 }

    /// The id of the closest term within the allowed edit distance; ties go to the term in more
    /// documents, then the shorter, then the alphabetically first. Nil when none is close enough.
    func correct(_ word: String) -> Int32? {
        let bytes = Array(word.utf8)
        guard Self.isCorrectable(bytes) else { return nil }
        var shared: [Int32: Int] = [:]
        for gram in Set(Self.trigrams(bytes)) {
            for id in postings[gram] ?? [] { shared[id, default: 0] += 1 }
        }
        let limit = Self.maxDistance(bytes.count)
        let candidates = shared.filter { $0.value >= 2 }.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(64)
        var best: (id: Int32, distance: Int)?
        for (id, _) in candidates {
            let term = letters[Int(id)]
            guard abs(term.count - bytes.count) <= limit else { continue }
            let distance = EditDistance.damerau(bytes, term, limit: limit)
            guard distance <= limit else { continue }
            if let current = best {
                let better = distance < current.distance
                    || (distance == current.distance && (frequencies[Int(id)], -term.count, id) > (frequencies[Int(current.id)], -letters[Int(current.id)].count, current.id))
                if !better { continue }
            }
            best = (id, distance)
        }
        return best?.id
    }
}

/// Edit distances between byte strings.
enum EditDistance {
    /// The optimal-string-alignment Damerau–Levenshtein distance (insertions, deletions,
    /// substitutions and adjacent transpositions), or `limit + 1` once it must exceed `limit`.
    static func damerau(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if a == b { return 0 }
        let n = a.count, m = b.count
        var previous2 = [Int](repeating: 0, count: m + 1)
        var previous = Array(0...m)
        var current = [Int](repeating: 0, count: m + 1)
        for i in 1...max(n, 1) where n > 0 {
            current[0] = i
            var rowBest = current[0]
            for j in 1...max(m, 1) where m > 0 {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, previous2[j - 2] + 1) }
                current[j] = value
                rowBest = min(rowBest, value)
            }
            if rowBest > limit { return limit + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return n == 0 ? m : (m == 0 ? n : previous[m])
    }
}
