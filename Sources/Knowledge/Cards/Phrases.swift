/// Small pieces of English the card writers share.
enum Phrases {
    /// "1st", "2nd", "3rd", "4th", "11th", "21st".
    static func ordinal(_ number: Int) -> String {
        let tens = number % 100
        if (11...13).contains(tens) { return "\(number)th" }
        switch number % 10 {
        case 1: return "\(number)st"
        case 2: return "\(number)nd"
        case 3: return "\(number)rd"
        default: return "\(number)th"
        }
    }

    /// The label with its first letter lower-cased, unless it starts an acronym ("GDP per capita").
    static func lowerFirst(_ text: String) -> String {
        guard let first = text.first, first.isUppercase else { return text }
        let second = text.dropFirst().first
        if let second, second.isUppercase || second.isNumber { return text }
        return first.lowercased() + text.dropFirst()
    }

    /// The text with its first letter upper-cased.
    static func upperFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// "up", "down" or "unchanged" for a change.
    static func direction(_ change: Double) -> String {
        change > 0 ? "up" : change < 0 ? "down" : "unchanged"
    }

    /// "sum" or "unweighted mean" for a rule.
    static func rule(_ aggregate: Column.Aggregate) -> String {
        aggregate == .sum ? "sum" : "unweighted mean"
    }

    /// Items joined as English: "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }
}

extension Corpus {
    /// How a series' subject is named in titles: "Brazil", "Asia (mean of 33 countries)",
    /// "All 142 countries (sum)", or the data set's short title for a whole data set.
    func subjectLabel(_ series: Series) -> String {
        switch series.scope {
        case .entity(let names, _):
            return names.joined(separator: ", ")
        case .group(let group, let members, let noun):
            return "\(group.value) (\(series.measure.aggregate == .sum ? "sum" : "mean") of \(members) \(noun))"
        case .total(let members, let noun):
            return "All \(members) \(noun) (\(series.measure.aggregate == .sum ? "sum" : "mean"))"
        case .whole:
            return shortTitle(series.dataset)
        case .rollup:
            return "\(shortTitle(series.dataset)) (\(series.frequency.adjective) \(series.measure.aggregate == .sum ? "total" : "mean"))"
        }
    }

    /// The card title of a series over `window`: "Brazil: life expectancy at birth, 1952–2007".
    func seriesTitle(_ series: Series, window: PeriodWindow) -> String {
        "\(subjectLabel(series)): \(Phrases.lowerFirst(series.measure.label)), \(window.label)"
    }

    /// The sentence on where the numbers come from: unit, source and licence.
    func provenanceSentence(_ dataset: Int, measures: [Measure]) -> String {
        let data = datasets[dataset]
        var units: [String] = []
        for measure in measures where !units.contains(measure.unitPhrase) { units.append(measure.unitPhrase) }
        return "Unit: \(units.joined(separator: "; ")). Source: \(data.sourceName) (licence: \(data.license))."
    }
}
