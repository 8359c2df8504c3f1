/// The language an answer is asked for (the run's BCP-47 `locale`), and what follows from it:
/// how numbers are written, and whether the local engine can write it at all (English only).
public struct AnswerLocale: Sendable, Equatable {
    /// The tag as given, e.g. `de-DE`.
    public let identifier: String
    /// The lower-cased primary language subtag, e.g. `de`.
    public let language: String

    /// Parses a BCP-47 tag: a 2–3 letter language, then subtags of 1–8 letters or digits
    /// joined by `-` (or `_`, read as `-`). Nil for anything else.
    public init?(_ tag: String) {
        let normalized = tag.replacingUnderscores()
        let parts = normalized.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }),
              parts.dropFirst().allSatisfy({ (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
        else { return nil }
        identifier = normalized
        language = first.lowercased()
    }

    /// American English, the default.
    public static let english = AnswerLocale("en-US")!

    /// Whether the answer is to be in English.
    public var isEnglish: Bool { language == "en" }

    /// How the answer writes numbers.
    public var numberStyle: NumberStyle { NumberStyle.forLanguage(language) }

    /// The language's English name, or the tag when it is not in the table.
    public var languageName: String { Self.names[language] ?? identifier }

    /// The note an extractive answer carries when another language was asked for.
    public var englishOnlyNote: String? {
        guard !isEnglish else { return nil }
        return "Only English is available locally, so this answer is in English rather than \(languageName) (\(identifier));"
            + " a host that supports MCP sampling gets it in \(languageName)."
    }

    /// English names of common languages (ISO 639-1).
    static let names: [String: String] = [
        "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech", "da": "Danish", "de": "German", "el": "Greek",
        "en": "English", "es": "Spanish", "et": "Estonian", "fa": "Persian", "fi": "Finnish", "fr": "French", "he": "Hebrew",
        "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian", "it": "Italian", "ja": "Japanese",
        "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "nb": "Norwegian Bokmål", "nl": "Dutch", "no": "Norwegian",
        "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian",
        "sr": "Serbian", "sv": "Swedish", "th": "Thai", "tr": "Turkish", "uk": "Ukrainian", "vi": "Vietnamese", "zh": "Chinese",
    ]
}

extension String {
    /// The text with `_` replaced by `-`.
    func replacingUnderscores() -> String { String(map { $0 == "_" ? "-" : $0 }) }
}
