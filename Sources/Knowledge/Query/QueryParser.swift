/// Reads a question into a `ParsedQuery` against a knowledge base's vocabulary and names.
struct QueryParser {
    /// The index whose vocabulary decides which words are known.
    let index: SearchIndex
    /// The entity and measure names.
    let lexicon: Lexicon

    /// Parses `text`.
    func parse(_ text: String) -> ParsedQuery {
        var words = Aliases.standard.replace(Tokenizer.words(text))
        var corrections: [(from: String, to: String)] = []
        var unknown: [String] = []
        let time = TimeRangeReader.read(words)
        var intents: Set<ParsedQuery.Intent> = []
        var lowestFirst = false
        var topCount: Int?
        for (position, word) in words.enumerated() {
            if let intent = IntentWords.table[word] { intents.insert(intent) }
            if IntentWords.lowest.contains(word) { lowestFirst = true }
            if word == "top" || word == "bottom", position + 1 < words.count, let count = Int(words[position + 1]) ?? TimeRangeReader.numbers[words[position + 1]] {
                topCount = count
            }
        }
        // Spelling: content words the index lacks are replaced by their closest indexed term.
        for (position, word) in words.enumerated() where time?.used.contains(position) != true {
            guard isContent(word), !index.contains(word) else { continue }
            if let corrected = index.correction(for: word) {
                corrections.append((word, corrected))
                words[position] = corrected
            } else {
                unknown.append(word)
            }
        }
        let mentions = lexicon.mentions(in: words)
        var consumed = Set(mentions.flatMap { Array($0.positions) })
        consumed.formUnion(time?.used ?? [])
        var terms: [(term: String, weight: Float)] = []
        var measureTerms: [(term: String, weight: Float)] = []
        for (position, word) in words.enumerated() where Tokenizer.isIndexed(word) && !(time?.used.contains(position) ?? false) {
            guard index.contains(word) || Tokenizer.isYear(word) else { continue }
            let weight: Float = Tokenizer.isYear(word) ? 0.5 : (corrections.contains { $0.to == word } ? 0.85 : 1)
            if let existing = terms.firstIndex(where: { $0.term == word }) { terms[existing].weight = max(terms[existing].weight, weight); continue }
            terms.append((word, weight))
            if !consumed.contains(position) && IntentWords.table[word] == nil { measureTerms.append((word, weight)) }
        }
        if intents.contains(.rank) && !terms.contains(where: { $0.term == "ranking" }) { terms.append(("ranking", 0.6)) }
        if intents.contains(.correlation) { terms.append(("correlation", 0.3)) }
        return ParsedQuery(
            text: text, words: words, corrections: corrections, terms: terms, unknown: unknown, timeRange: time?.range,
            intents: intents, lowestFirst: lowestFirst, topCount: topCount, entities: mentions.map(\.name),
            world: words.contains("world"), measures: lexicon.measures(for: measureTerms).map(\.key), followsUp: nil)
    }

    /// Whether a word carries content: not a stop word, intent, time word, number or single letter.
    func isContent(_ word: String) -> Bool {
        guard word.count > 1, !StopWords.all.contains(word), IntentWords.table[word] == nil,
              !IntentWords.understood.contains(word) else { return false }
        if let first = word.utf8.first, (48...57).contains(first) { return false }
        return true
    }
}
