/// Turns text into the terms the index and the query parser share: ASCII-folded, lower-cased
/// words and numbers, lightly stemmed, with known aliases replaced by their canonical words.
public enum Tokenizer {
    /// The words of `text`, folded, lower-cased and stemmed, in order; nothing is dropped.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        func flush() {
            guard !current.isEmpty else { return }
            words.append(stem(String(decoding: current, as: UTF8.self)))
            current.removeAll(keepingCapacity: true)
        }
        for byte in Fold.ascii(text).utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                current.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                current.append(byte + 32)
            case UInt8(ascii: "$") where current == Array("us".utf8):
                // "US$" reads as "US dollars".
                flush()
                words.append("dollar")
            default:
                flush()
            }
        }
        flush()
        return words
    }

    /// The terms of `text` for the index: words with aliases replaced, without stop words,
    /// single letters and numbers other than years.
    public static func terms(_ text: String) -> [String] {
        Aliases.standard.replace(words(text)).filter(isIndexed)
    }

    /// Whether a word is worth a posting: not a stop word or a single letter; digits only as years.
    static func isIndexed(_ word: String) -> Bool {
        guard word.utf8.count > 1, !StopWords.all.contains(word) else { return false }
        if let first = word.utf8.first, (48...57).contains(first) { return isYear(word) }
        return true
    }

    /// Whether `word` is a four-digit year from 1000 to 2999.
    static func isYear(_ word: String) -> Bool {
        let bytes = Array(word.utf8)
        return bytes.count == 4 && bytes.allSatisfy { (48...57).contains($0) } && (bytes[0] == 49 || bytes[0] == 50)
    }

    /// A light English stemmer: plural endings only ("countries" → "country", "prices" → "price").
    static func stem(_ word: String) -> String {
        let bytes = word.utf8
        guard bytes.count > 3, let last = bytes.last, last == UInt8(ascii: "s"),
              bytes.allSatisfy({ $0 >= UInt8(ascii: "a") }) else { return word }
        if word.hasSuffix("ies") { return word.dropLast(3) + "y" }
        if word.hasSuffix("sses") || word.hasSuffix("xes") || word.hasSuffix("ches") || word.hasSuffix("shes") {
            return String(word.dropLast(2))
        }
        if word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") { return word }
        return String(word.dropLast())
    }
}

/// Words that carry no meaning for matching.
enum StopWords {
    /// The stop words, stemmed as the tokenizer stems.
    static let all: Set<String> = [
        "a", "an", "the", "of", "in", "on", "at", "for", "to", "from", "by", "with", "and", "or", "as", "per",
        "what", "which", "who", "whom", "how", "when", "where", "why", "ha", "has", "have", "had", "is", "are", "was", "were",
        "be", "been", "being", "did", "doe", "does", "do", "it", "its", "their", "there", "this", "that", "these", "those",
        "me", "my", "our", "we", "you", "your", "i", "show", "tell", "give", "find", "get", "about", "much", "many", "than",
        "then", "into", "can", "could", "would", "should", "will", "please", "any", "some", "all", "each", "every",
        "not", "no", "yes", "up", "down", "out", "over", "under", "between", "since", "until", "till", "during", "through",
        "versu", "versus", "vs", "v", "compared", "compare", "comparison", "against", "like", "also", "just", "only",
        "whose", "here", "s", "t", "data", "value", "number", "look", "see", "let",
    ]
}
