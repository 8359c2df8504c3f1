/// An in-memory BM25F index over documents with weighted fields, built once and then read-only.
///
/// Each term's postings hold the precomputed BM25 impact of the term in each document (field
/// weights and length normalisation applied, saturated with `k1`, times the term's IDF), so a
/// query only adds impacts. Postings live in flat arrays (one offset table), which keeps the
/// index compact and its build linear.
public struct SearchIndex: Sendable {
    /// A field of a document and how much a match in it counts.
    public struct Field: Sendable {
        /// How much a term occurrence in this field counts relative to the others.
        public var weight: Float
        /// How strongly a long field is damped (BM25's b).
        public var lengthDamping: Float

        /// Creates a field.
        public init(weight: Float, lengthDamping: Float) {
            self.weight = weight
            self.lengthDamping = lengthDamping
        }
    }

    /// BM25's term-frequency saturation.
    static let k1: Float = 1.2

    /// Term → id.
    let termIDs: [String: Int32]
    /// Id → term.
    let terms: [String]
    /// Where each term's postings start in `postingDocuments`; one extra entry at the end.
    let postingStarts: [Int32]
    /// The documents of all postings, grouped by term, ascending within a term.
    let postingDocuments: [Int32]
    /// The impact of the term in each posting's document.
    let postingImpacts: [Float]
    /// Each document's prior, multiplied into its score.
    let priors: [Float]
    /// Trigrams of the vocabulary, for spelling correction.
    let trigrams: TrigramIndex

    /// How many documents the index holds.
    public var documentCount: Int { priors.count }

    /// How many distinct terms the index holds.
    public var termCount: Int { terms.count }

    /// Builds the index of `documents`: for each document its fields' terms (already tokenized),
    /// in the order of `fields`, and its prior. Spelling correction proposes only terms that occur
    /// in the first `namingFields` fields (titles and names, not prose).
    public init(fields: [Field], documents: [(terms: [[String]], prior: Float)], namingFields: Int? = nil) {
        var termIDs: [String: Int32] = [:]
        var terms: [String] = []
        var fieldTotals = [Double](repeating: 0, count: fields.count)
        // Pass 1: term ids and field lengths.
        var naming = Set<Int32>()
        var encoded: [[[Int32]]] = []
        encoded.reserveCapacity(documents.count)
        for document in documents {
            var fieldsOfDocument: [[Int32]] = []
            for (field, words) in document.terms.enumerated() {
                fieldTotals[field] += Double(words.count)
                let ids = words.map { word in
                    if let id = termIDs[word] { return id }
                    let id = Int32(terms.count)
                    termIDs[word] = id
                    terms.append(word)
                    return id
                }
                if field < (namingFields ?? fields.count) { naming.formUnion(ids) }
                fieldsOfDocument.append(ids)
            }
            encoded.append(fieldsOfDocument)
        }
        let count = max(1, documents.count)
        let averages = fieldTotals.map { max(1, Float($0 / Double(count))) }
        // Pass 2: weighted term frequencies per document, as (term, document, frequency).
        var triples: [(term: Int32, document: Int32, frequency: Float)] = []
        var documentFrequency = [Int32](repeating: 0, count: terms.count)
        var local: [Int32: Float] = [:]
        for (document, fieldsOfDocument) in encoded.enumerated() {
            local.removeAll(keepingCapacity: true)
            for (field, ids) in fieldsOfDocument.enumerated() where !ids.isEmpty {
                let spec = fields[field]
                let norm = spec.weight / (1 - spec.lengthDamping + spec.lengthDamping * Float(ids.count) / averages[field])
                for id in ids { local[id, default: 0] += norm }
            }
            for (id, frequency) in local {
                triples.append((id, Int32(document), frequency))
                documentFrequency[Int(id)] += 1
            }
        }
        // Pass 3: group by term (counting sort) and turn frequencies into impacts.
        var starts = [Int32](repeating: 0, count: terms.count + 1)
        for id in 0..<terms.count { starts[id + 1] = starts[id] + documentFrequency[id] }
        var cursor = starts
        var postingDocuments = [Int32](repeating: 0, count: triples.count)
        var postingImpacts = [Float](repeating: 0, count: triples.count)
        let n = Float(documents.count)
        let idf = documentFrequency.map { df in log(1 + (n - Float(df) + 0.5) / (Float(df) + 0.5)) }
        for triple in triples { // already in document order
            let slot = Int(cursor[Int(triple.term)])
            cursor[Int(triple.term)] += 1
            postingDocuments[slot] = triple.document
            postingImpacts[slot] = idf[Int(triple.term)] * triple.frequency * (Self.k1 + 1) / (Self.k1 + triple.frequency)
        }
        self.termIDs = termIDs
        self.terms = terms
        self.postingStarts = starts
        self.postingDocuments = postingDocuments
        self.postingImpacts = postingImpacts
        priors = documents.map(\.prior)
        trigrams = TrigramIndex(terms: terms, frequencies: documentFrequency) { naming.contains(Int32($0)) }
    }

    /// Whether the index has `term`.
    public func contains(_ term: String) -> Bool { termIDs[term] != nil }

    /// How many documents contain `term`.
    public func documentFrequency(_ term: String) -> Int {
        guard let id = termIDs[term].map(Int.init) else { return 0 }
        return Int(postingStarts[id + 1] - postingStarts[id])
    }

    /// The documents containing `term`, ascending.
    public func documents(containing term: String) -> ArraySlice<Int32> {
        guard let id = termIDs[term].map(Int.init) else { return [] }
        return postingDocuments[Int(postingStarts[id])..<Int(postingStarts[id + 1])]
    }

    /// The closest indexed term to an unknown `word` (see `TrigramIndex.correct`).
    public func correction(for word: String) -> String? {
        guard let id = trigrams.correct(word) else { return nil }
        return terms[Int(id)]
    }

    /// The `limit` best documents for weighted `query` terms, best first (ties by document
    /// order), keeping only documents `filter` accepts.
    public func search(_ query: [(term: String, weight: Float)], limit: Int,
                       filter: ((Int) -> Bool)? = nil) -> [(document: Int, score: Float)] {
        var scores = [Float](repeating: 0, count: priors.count)
        var touched: [Int32] = []
        for (term, weight) in query {
            guard let id = termIDs[term].map(Int.init) else { continue }
            for slot in Int(postingStarts[id])..<Int(postingStarts[id + 1]) {
                let document = Int(postingDocuments[slot])
                if scores[document] == 0 { touched.append(postingDocuments[slot]) }
                scores[document] += weight * postingImpacts[slot]
            }
        }
        var hits: [(document: Int, score: Float)] = []
        hits.reserveCapacity(touched.count)
        for document in touched {
            let index = Int(document)
            if let filter, !filter(index) { continue }
            hits.append((index, scores[index] * priors[index]))
        }
        return TopK.select(hits, limit: limit)
    }
}

/// Selection of the best scored items without sorting them all.
enum TopK {
    /// The `limit` highest scores, best first; ties by lower document number.
    static func select(_ hits: [(document: Int, score: Float)], limit: Int) -> [(document: Int, score: Float)] {
        func better(_ a: (document: Int, score: Float), _ b: (document: Int, score: Float)) -> Bool {
            a.score != b.score ? a.score > b.score : a.document < b.document
        }
        guard limit > 0 else { return [] }
        if hits.count <= limit * 4 { return Array(hits.sorted(by: better).prefix(limit)) }
        var best: [(document: Int, score: Float)] = []
        best.reserveCapacity(limit + 1)
        for hit in hits {
            if best.count == limit, let worst = best.last, !better(hit, worst) { continue }
            let position = best.firstIndex { better(hit, $0) } ?? best.count
            best.insert(hit, at: position)
            if best.count > limit { best.removeLast() }
        }
        return best
    }
}
