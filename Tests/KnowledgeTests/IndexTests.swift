import Testing
@testable import Knowledge

/// The BM25F index, its spelling correction and the tokenizer's aliases.
@Suite("Index")
struct IndexTests {
    let fields = [SearchIndex.Field(weight: 3, lengthDamping: 0.5), SearchIndex.Field(weight: 1, lengthDamping: 0.75)]

    @Test("A match in a weighted field outranks the same match in prose, and rare terms count more")
    func fieldWeightsAndIDF() {
        let index = SearchIndex(fields: fields, documents: [
            ([["brazil"], ["population", "of", "a", "country"]], 1),
            ([["population"], ["brazil", "is", "mentioned", "here"]], 1),
            ([["population"], ["nothing", "else"]], 1),
        ])
        let hits = index.search([("brazil", 1)], limit: 3)
        #expect(hits.map(\.document) == [0, 1])
        let both = index.search([("brazil", 1), ("population", 1)], limit: 3)
        #expect(both.first?.document == 0)
        #expect(both.count == 3)
        #expect(index.documentFrequency("population") == 3)
    }

    @Test("Priors break ties and the filter drops documents")
    func priorsAndFilter() {
        let index = SearchIndex(fields: fields, documents: [([["gdp"], []], 0.5), ([["gdp"], []], 1)])
        #expect(index.search([("gdp", 1)], limit: 2).map(\.document) == [1, 0])
        #expect(index.search([("gdp", 1)], limit: 2, filter: { $0 == 0 }).map(\.document) == [0])
    }

    @Test("Misspelt names are corrected within one or two edits", arguments: [
        ("brazill", "brazil"), ("argentna", "argentina"), ("phillipines", "philippine"), ("jpaan", "japan"), ("chian", "china"),
    ])
    func corrections(typed: String, expected: String) {
        // The parser corrects stemmed words ("phillipines" → "phillipine").
        #expect(KnowledgeBase.embedded.index.correction(for: Tokenizer.words(typed)[0]) == expected)
    }

    @Test("Words with no close name are not corrected", arguments: ["tesla", "revenue", "nvidia", "wakanda", "us", "2023"])
    func noCorrection(word: String) {
        #expect(KnowledgeBase.embedded.index.correction(for: word) == nil)
    }

    @Test("Edit distance counts a transposition as one edit and stops past its limit")
    func editDistance() {
        #expect(EditDistance.damerau(Array("chian".utf8), Array("china".utf8), limit: 2) == 1)
        #expect(EditDistance.damerau(Array("kitten".utf8), Array("sitting".utf8), limit: 3) == 3)
        #expect(EditDistance.damerau(Array("abcdef".utf8), Array("uvwxyz".utf8), limit: 2) == 3)
    }

    @Test("Aliases become the data's names", arguments: [
        ("S. Korea", ["korea", "rep"]), ("South Korea", ["korea", "rep"]), ("North Korea", ["korea", "dem", "rep"]),
        ("US", ["united", "state"]), ("U.S.A.", ["united", "state"]), ("MSFT", ["msft"]), ("Microsoft", ["msft"]),
        ("Google", ["goog"]), ("GOOG", ["goog"]), ("Americas", ["america"]), ("US$", ["united", "state", "dollar"]),
    ])
    func aliases(text: String, words: [String]) {
        #expect(Aliases.standard.replace(Tokenizer.words(text)) == words)
    }

    @Test("The tokenizer folds accents, stems plurals and keeps years but not other numbers")
    func tokenizer() {
        #expect(Tokenizer.terms("Réunion's countries, 1952 to 28.801") == ["reunion", "country", "1952"])
        #expect(Tokenizer.stem("prices") == "price")
        #expect(Tokenizer.stem("analysis") == "analysis")
    }
}
