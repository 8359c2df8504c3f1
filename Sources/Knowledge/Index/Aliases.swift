/// Other names for entities and measures, replaced by the names the data uses, on word
/// sequences (so "S. Korea" and "South Korea" both become the words of "Korea, Rep.").
public struct Aliases: Sendable {
    /// Word sequence → replacement words, grouped by the first word for quick lookup.
    private let byFirstWord: [String: [(from: [String], to: [String])]]

    /// Aliases from pairs of phrases (alias, canonical), each tokenized with `Tokenizer.words`.
    public init(_ pairs: [(String, String)]) {
        var table: [String: [(from: [String], to: [String])]] = [:]
        for (alias, canonical) in pairs {
            let from = Tokenizer.words(alias), to = Tokenizer.words(canonical)
            guard let first = from.first else { continue }
            table[first, default: []].append((from, to))
        }
        for key in table.keys { table[key]!.sort { $0.from.count > $1.from.count } }
        byFirstWord = table
    }

    /// `words` with every alias replaced, longest match first.
    public func replace(_ words: [String]) -> [String] {
        var out: [String] = []
        out.reserveCapacity(words.count)
        var index = 0
        outer: while index < words.count {
            if let candidates = byFirstWord[words[index]] {
                for candidate in candidates where index + candidate.from.count <= words.count {
                    if words[index..<(index + candidate.from.count)].elementsEqual(candidate.from) {
                        out += candidate.to
                        index += candidate.from.count
                        continue outer
                    }
                }
            }
            out.append(words[index])
            index += 1
        }
        return out
    }

    /// The aliases of the embedded data: country names, stock symbols and measure synonyms.
    public static let standard = Aliases([
        ("s. korea", "korea rep"), ("south korea", "korea rep"), ("republic of korea", "korea rep"), ("korea", "korea rep"),
        ("korea rep", "korea rep"), ("korea dem rep", "korea dem rep"),
        ("n. korea", "korea dem rep"), ("north korea", "korea dem rep"), ("dprk", "korea dem rep"),
        ("us", "united states"), ("u.s.", "united states"), ("usa", "united states"), ("u.s.a.", "united states"),
        ("united states of america", "united states"),
        ("uk", "united kingdom"), ("u.k.", "united kingdom"), ("britain", "united kingdom"), ("great britain", "united kingdom"),
        ("drc", "congo dem rep"), ("dr congo", "congo dem rep"), ("democratic republic of the congo", "congo dem rep"),
        ("congo kinshasa", "congo dem rep"), ("congo brazzaville", "congo rep"), ("republic of the congo", "congo rep"),
        ("ivory coast", "cote d ivoire"), ("burma", "myanmar"), ("holland", "netherlands"), ("czechia", "czech republic"),
        ("slovakia", "slovak republic"), ("eswatini", "swaziland"), ("uae", "united arab emirates"),
        ("russian federation", "russia"), ("viet nam", "vietnam"), ("palestine", "west bank and gaza"),
        ("microsoft", "msft"), ("google", "goog"), ("alphabet", "goog"), ("apple", "aapl"), ("amazon", "amzn"),
        ("international business machines", "ibm"),
        ("gross domestic product", "gdp"), ("lifespan", "life expectancy"), ("life span", "life expectancy"),
        ("longevity", "life expectancy"), ("carbon dioxide", "co2"), ("carbon", "co2"), ("jobless", "unemployment"),
        ("unemployed", "unemployment"), ("jobs", "employment"), ("job", "employment"), ("rain", "precipitation"),
        ("rainfall", "precipitation"), ("temp", "temperature"), ("mpg", "miles per gallon"), ("hp", "horsepower"),
        ("fuel economy", "fuel efficiency"), ("global", "world"), ("worldwide", "world"), ("planet", "world"),
    ])
}
