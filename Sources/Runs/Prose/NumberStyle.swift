/// How numbers are written in one language: the decimal separator and the thousands separators.
///
/// Answers carry numbers in the style of their locale; the check of sampled prose reads them in
/// the same style, so "1,234.5" (English) and "1.234,5" (German) are the same value, while a
/// number read in the wrong style is a different one and is rejected.
public struct NumberStyle: Sendable, Equatable {
    /// The character between the integer and the fraction.
    public var decimalSeparator: Unicode.Scalar
    /// The characters accepted between groups of three digits; the first is the one written.
    public var groupSeparators: [Unicode.Scalar]

    /// A style from its separators.
    public init(decimalSeparator: Unicode.Scalar, groupSeparators: [Unicode.Scalar]) {
        self.decimalSeparator = decimalSeparator
        self.groupSeparators = groupSeparators
    }

    /// "1,234.5": English and the languages that write numbers as it does.
    public static let pointDecimal = NumberStyle(decimalSeparator: ".", groupSeparators: [","])
    /// "1.234,5" (also with a space or a narrow no-break space between groups).
    public static let commaDecimal = NumberStyle(decimalSeparator: ",", groupSeparators: [".", " ", "\u{00A0}", "\u{202F}"])

    /// Languages (ISO 639-1) that write a decimal comma.
    static let commaLanguages: Set<String> = [
        "af", "az", "be", "bg", "bs", "ca", "cs", "da", "de", "el", "es", "et", "eu", "fi", "fr", "gl", "hr", "hu",
        "hy", "id", "is", "it", "ka", "kk", "lt", "lv", "mk", "nb", "nl", "nn", "no", "pl", "pt", "ro", "ru", "sk",
        "sl", "sq", "sr", "sv", "tr", "uk", "uz", "vi",
    ]

    /// The style of a language code (lower-case ISO 639).
    public static func forLanguage(_ language: String) -> NumberStyle {
        commaLanguages.contains(language) ? .commaDecimal : .pointDecimal
    }

    /// Whether `scalar` separates groups of digits in this style.
    func isGroupSeparator(_ scalar: Unicode.Scalar) -> Bool { groupSeparators.contains(scalar) }

    /// `text` with every number written in English style rewritten in this style, digits
    /// unchanged: "72.39 years, 1,234 people" becomes "72,39 years, 1.234 people" for a comma style.
    public func localize(_ englishText: String) -> String {
        guard self != .pointDecimal else { return englishText }
        let scalars = Array(englishText.unicodeScalars)
        var out = String.UnicodeScalarView()
        var position = 0
        for number in NumberScanner(style: .pointDecimal).scan(scalars) {
            out.append(contentsOf: scalars[position..<number.range.lowerBound])
            for scalar in scalars[number.range] {
                switch scalar {
                case ".": out.append(decimalSeparator)
                case ",": out.append(groupSeparators[0])
                default: out.append(scalar)
                }
            }
            position = number.range.upperBound
        }
        out.append(contentsOf: scalars[position...])
        return String(out)
    }
}
