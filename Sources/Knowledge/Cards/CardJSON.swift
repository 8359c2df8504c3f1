public import JSON

/// Cards and data sets as JSON, in the seeds' card shape.
extension KnowledgeBase {
    /// The URI of a card's page and embed: `tak://cards/{id}`.
    public static func cardURI(_ id: String) -> String { "tak://cards/\(id)" }

    /// The URI of a card's chart: `tak://cards/{id}/chart.svg`.
    public static func chartURI(_ id: String) -> String { "tak://cards/\(id)/chart.svg" }

    /// `card` as the seeds' card object, with `content.data` holding at most `maxRows` rows of
    /// its CSV from row `offset` (`truncated` says whether rows were left out).
    public func json(of card: KnowledgeCard, offset: Int = 0, maxRows: Int = 2000) -> JSONObject {
        let table = table(of: card)
        let start = min(max(0, offset), table.rows.count)
        let end = min(table.rows.count, start + max(0, maxRows))
        var object: JSONObject = [
            "card_id": .string(card.id),
            "title": .string(card.title),
            "description": .string(card.description),
            "semantic_description": .string(card.semanticDescription),
            "webpage_url": .string(Self.cardURI(card.id)),
            "image_url": .string(Self.chartURI(card.id)),
            "embed_url": .string(Self.cardURI(card.id)),
            "sources": .array(card.datasets.map { .object(sourceJSON($0)) }),
            "methodologies": .array(methodologies(card).map { .object(["methodology_name": .string($0.0), "methodology_description": .string($0.1)]) }),
            "source_indexes": ["data"],
            "card_type": .string(card.kind.rawValue),
            "content": .object([
                "cost": 0,
                "data": .string(table.csv(rows: start..<end)),
                "total_rows": .integer(Int64(table.rows.count)),
                "truncated": .bool(start > 0 || end < table.rows.count),
                "row_offset": .integer(Int64(start)),
            ]),
            "figures": .array(card.figures.map { figure in
                var object: JSONObject = ["kind": .string(figure.kind.rawValue), "subject": .string(figure.subject),
                                          "value": .number(figure.value), "period": .string(figure.period), "text": .string(figure.text)]
                object["unit"] = figure.unit.map(JSONValue.string) ?? .null
                return .object(object)
            }),
        ]
        object["relevance_score"] = card.relevanceScore.map(JSONValue.number) ?? .null
        return object
    }

    /// A card source: who publishes the data, the data set, the package it came from and its licence.
    func sourceJSON(_ index: Int) -> JSONObject {
        let dataset = corpus.datasets[index]
        return [
            "source_name": .string(dataset.sourceName),
            "source_description": .string("\(dataset.title). Licence: \(dataset.license)."),
            "source_index": "data",
            "url": .string(dataset.sourceURL),
            "source_text": .string("Converted once from \(dataset.package), file \(dataset.packageFile) (data set `\(dataset.id)`)."
                + " Licence as the package states it: \(dataset.license) — \(dataset.licenseNote)"),
        ]
    }

    /// How a card's figures are made, and where its data comes from.
    func methodologies(_ card: KnowledgeCard) -> [(String, String)] {
        var list: [(String, String)] = []
        let how: String
        switch card.kind {
        case .timeseries, .comparison:
            how = "Every figure is computed from the raw values in the window shown: latest and first values as the data has them;"
                + " change = last − first (percentage points for rates in %); growth = (last ÷ first − 1) × 100 and x = last ÷ first,"
                + " only when both are positive and the unit is a ratio scale; highest and lowest with their periods; average = mean of"
                + " the window's values; yearly growth = compound rate over the window's years; rank among the data set's entities at"
                + " the last period (1st = highest); share = value ÷ the sum of all entities. Combined series follow the measure's"
                + " aggregate rule (sum or unweighted mean; rates and per-capita values are never combined)."
        case .ranking:
            how = "Entities sorted by their value at the period shown, highest first (ties by name); median over all ranked entities."
        case .record:
            how = "The entity's rows as the data has them; nothing is computed."
        case .summary:
            how = "Mean, median, lowest and highest of the rows' values; nothing else is computed."
        case .correlation:
            how = "Pearson's correlation coefficient of the two series on the periods both have values for, within the window shown."
        }
        list.append(("How the figures are computed", how))
        for index in card.datasets {
            let dataset = corpus.datasets[index]
            list.append(("Where the data comes from – \(dataset.sourceName)", dataset.description))
        }
        return list
    }

    /// Every data set with its provenance, for `tak://knowledge/sources`.
    public var sourcesJSON: JSONObject {
        [
            "datasets": .array(corpus.datasets.enumerated().map { index, dataset in
                .object([
                    "id": .string(dataset.id), "title": .string(dataset.title), "description": .string(dataset.description),
                    "source_name": .string(dataset.sourceName), "source_url": .string(dataset.sourceURL),
                    "package": .string(dataset.package), "package_file": .string(dataset.packageFile),
                    "license": .string(dataset.license), "license_note": .string(dataset.licenseNote),
                    "frequency": .string(dataset.frequency.rawValue), "layout": .string(corpus.layouts[index].rawValue),
                    "rows": .integer(Int64(dataset.rows.count)),
                    "columns": .array(dataset.columns.map { column in
                        var object: JSONObject = ["name": .string(column.name), "label": .string(column.label), "role": .string(column.role.rawValue)]
                        if column.role == .measure {
                            object["unit"] = column.unit.map(JSONValue.string) ?? .null
                            object["unit_inferred"] = .bool(column.unitInferred)
                            object["aggregate"] = .string((column.aggregate ?? .none).rawValue)
                        }
                        return .object(object)
                    }),
                ])
            }),
            "card_count": .integer(Int64(cards.count)),
            "series_count": .integer(Int64(corpus.series.count)),
        ]
    }
}

extension SearchResult {
    /// The result as JSON: `knowledge_cards`, `resolved_effort`, `resolution`, `interpretation`
    /// and, when the knowledge base lacks something, `not_in_knowledge_base`.
    public func json(in base: KnowledgeBase, maxRows: Int = 200) -> JSONObject {
        var object: JSONObject = [
            "knowledge_cards": .array(cards.map { .object(base.json(of: $0, maxRows: maxRows)) }),
            "resolved_effort": .string(resolvedEffort.rawValue),
            "resolution": .string(resolution),
            "interpretation": .object([
                "entities": .array(interpretation.entities.map(JSONValue.string)),
                "measures": .array(interpretation.measures.map(JSONValue.string)),
                "time_range": interpretation.timeRange.map(JSONValue.string) ?? .null,
                "corrections": .array(interpretation.corrections.map(JSONValue.string)),
                "intents": .array(interpretation.intents.map(JSONValue.string)),
                "follows_up": interpretation.followsUp.map(JSONValue.string) ?? .null,
            ]),
        ]
        if let notice {
            object["not_in_knowledge_base"] = .object([
                "unanswerable": .bool(notice.unanswerable), "message": .string(notice.message),
                "missing": .array(notice.missing.map(JSONValue.string)),
                "nearest": .array(notice.nearest.map { .object(["card_id": .string($0.id), "title": .string($0.title)]) }),
            ])
        }
        return object
    }
}
