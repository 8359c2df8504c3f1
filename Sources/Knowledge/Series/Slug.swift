/// Readable, URI-safe pieces of card ids: lower-case ASCII letters, digits and single dashes.
enum Slug {
    /// `text` folded to ASCII and lower-cased, with every other run of characters a dash:
    /// "Côte d'Ivoire" → "cote-d-ivoire", "lifeExp" → "lifeexp".
    static func make(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in Fold.ascii(text).unicodeScalars {
            let value = scalar.value
            let isAlphanumeric = (0x30...0x39).contains(value) || (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value)
            if isAlphanumeric {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out.unicodeScalars.append(Unicode.Scalar(value >= 0x41 && value <= 0x5A ? value + 32 : value)!)
            } else {
                pendingDash = true
            }
        }
        return out.isEmpty ? "x" : out
    }
}

/// Folding of accented Latin letters to ASCII, for ids and for the index ("Réunion" = "Reunion").
enum Fold {
    /// The text with common accented letters replaced by their base letters; other characters kept.
    static func ascii(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 { out.append(scalar); continue }
            if let base = table[scalar] { out.append(contentsOf: base.unicodeScalars) } else { out.append(scalar) }
        }
        return String(out)
    }

    /// Accented letters and their ASCII bases.
    private static let table: [Unicode.Scalar: String] = {
        var table: [Unicode.Scalar: String] = [:]
        let groups: [(String, String)] = [
            ("àáâãäåā", "a"), ("ÀÁÂÃÄÅĀ", "A"), ("çć", "c"), ("ÇĆ", "C"), ("èéêëē", "e"), ("ÈÉÊËĒ", "E"),
            ("ìíîïī", "i"), ("ÌÍÎÏĪ", "I"), ("ñń", "n"), ("ÑŃ", "N"), ("òóôõöøō", "o"), ("ÒÓÔÕÖØŌ", "O"),
            ("ùúûüū", "u"), ("ÙÚÛÜŪ", "U"), ("ýÿ", "y"), ("Ý", "Y"), ("š", "s"), ("Š", "S"), ("ž", "z"), ("Ž", "Z"),
            ("ß", "ss"), ("æ", "ae"), ("Æ", "AE"), ("’‘", "'"), ("–—", "-"),
        ]
        for (letters, base) in groups { for scalar in letters.unicodeScalars { table[scalar] = base } }
        return table
    }()
}
