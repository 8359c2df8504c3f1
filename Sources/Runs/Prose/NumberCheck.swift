/// Checks that a text states only numbers that were supplied to it.
///
/// The supplied texts (the facts given to the host's model: figures, periods, titles) are
/// scanned with the same `NumberScanner` as the prose, so the two agree on what a number is.
/// A prose number passes when its exact value is among the supplied ones: thousands separators,
/// trailing zeros and the sign do not matter ("1,234.50" is 1234.5); any other difference, a
/// rounding included, is a different number. Citation markers must point at a source that
/// exists, and in English prose quantities may not be spelled out ("twice", "three").
public struct NumberCheck: Sendable {
    /// The canonical values supplied.
    public let allowed: Set<String>
    /// How many sources can be cited ([1] to [citations]).
    public let citations: Int
    /// The separators numbers are read with.
    public let style: NumberStyle
    /// Whether the prose is English, so spelled-out quantities can be recognised.
    public let checksNumberWords: Bool
    /// Spelled-out quantities the supplied texts use themselves ("four x–y data sets").
    let allowedWords: Set<String>

    /// A check against the numbers of `supplied`, read in `style`, with `citations` sources.
    public init(supplied: [String], citations: Int, style: NumberStyle, english: Bool) {
        let scanner = NumberScanner(style: style)
        var allowed: Set<String> = []
        for text in supplied {
            for number in scanner.scan(text) { allowed.insert(number.value) }
        }
        if citations > 0 {
            for index in 1...citations { allowed.insert(String(index)) }
        }
        self.allowed = allowed
        allowedWords = english ? Set(supplied.flatMap(Self.words).filter(Self.numberWords.contains)) : []
        self.citations = citations
        self.style = style
        checksNumberWords = english
    }

    /// What was wrong with the prose; empty when it passes.
    public func problems(in prose: String) -> [String] {
        var problems: [String] = []
        var reported: Set<String> = []
        for number in NumberScanner(style: style).scan(prose) where !allowed.contains(number.value) {
            if reported.insert(number.text).inserted { problems.append("the number \(number.text) is not one of the figures supplied") }
        }
        for marker in Self.citationMarkers(prose) where !(1...max(citations, 1)).contains(marker) || citations == 0 {
            problems.append("citation [\(marker)] names no source (there are \(citations))")
        }
        if checksNumberWords {
            for word in Self.words(prose) where Self.numberWords.contains(word) && !allowedWords.contains(word) {
                if reported.insert(word).inserted { problems.append("the quantity \"\(word)\" is spelled out instead of taken from the figures") }
            }
        }
        return problems
    }

    /// Whether the prose passes.
    public func accepts(_ prose: String) -> Bool { problems(in: prose).isEmpty }

    /// English words that state a quantity or a multiple ("one", "half" and "quarter" are left
    /// out: they are ordinary words in answers about periods).
    static let numberWords: Set<String> = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
        "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds", "dozen", "dozens", "twice", "thrice",
        "double", "doubled", "doubling", "triple", "tripled", "tripling", "quadrupled", "halved", "tenfold", "twofold",
        "threefold", "fourfold", "fivefold",
    ]

    /// The numbers inside square brackets: "[2]" and each of "[1, 3]".
    static func citationMarkers(_ text: String) -> [Int] {
        var markers: [Int] = []
        var inside: String?
        for character in text {
            if character == "[" {
                inside = ""
            } else if character == "]", let content = inside {
                let parts = content.split(separator: ",").map { $0.trimmingCharacters(in: " ") }
                let numbers = parts.compactMap { Int($0) }
                if !parts.isEmpty, numbers.count == parts.count { markers += numbers }
                inside = nil
            } else if inside != nil {
                inside!.append(character)
                if inside!.count > 40 { inside = nil }
            }
        }
        return markers
    }

    /// The lower-cased alphabetic words of `text`.
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter }.map(String.init)
    }
}

extension Substring {
    /// The text without leading and trailing `character`s.
    func trimmingCharacters(in character: Character) -> String {
        String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
    }
}
