public import JSON

/// Why a data set's JSON could not be read.
public struct DatasetFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The data set's id, or "?" when it has none.
    public var dataset: String
    /// What is wrong.
    public var reason: String
    public var description: String { "data set \(dataset): \(reason)" }
}

extension Dataset {
    /// Reads a data set from the converter's JSON object (see `Data/SOURCES.md`).
    public init(json text: String) throws(DatasetFormatError) {
        let value: JSONValue
        do { value = try JSONValue.parse(text) } catch { throw DatasetFormatError(dataset: "?", reason: "not JSON: \(error)") }
        try self.init(json: value)
    }

    /// Reads a data set from its parsed JSON object.
    public init(json value: JSONValue) throws(DatasetFormatError) {
        guard let object = value.objectValue else { throw DatasetFormatError(dataset: "?", reason: "not a JSON object") }
        let id = object["id"]?.stringValue ?? "?"
        func text(_ key: String) throws(DatasetFormatError) -> String {
            guard let value = object[key]?.stringValue else {
                throw DatasetFormatError(dataset: id, reason: "missing string field \"\(key)\"")
            }
            return value
        }
        guard let frequency = Frequency(rawValue: try text("frequency")) else {
            throw DatasetFormatError(dataset: id, reason: "unknown frequency \"\(try text("frequency"))\"")
        }
        guard let columnValues = object["columns"]?.arrayValue, let rowValues = object["rows"]?.arrayValue else {
            throw DatasetFormatError(dataset: id, reason: "missing columns or rows")
        }
        var columns: [Column] = []
        for value in columnValues { columns.append(try Column(json: value, dataset: id)) }
        var rows: [[Cell]] = []
        rows.reserveCapacity(rowValues.count)
        for (number, value) in rowValues.enumerated() {
            guard let cells = value.arrayValue, cells.count == columns.count else {
                throw DatasetFormatError(dataset: id, reason: "row \(number) does not have \(columns.count) cells")
            }
            rows.append(cells.map(Cell.init(json:)))
        }
        self.init(id: id, title: try text("title"), description: try text("description"),
                  sourceName: try text("source_name"), sourceURL: try text("source_url"), package: try text("package"),
                  packageFile: try text("package_file"), license: try text("license"),
                  licenseNote: object["license_note"]?.stringValue ?? "", frequency: frequency,
                  columns: columns, rows: rows)
        try checkPeriods()
    }

    /// Throws unless every cell of the time column is a period of the data set's frequency.
    private func checkPeriods() throws(DatasetFormatError) {
        guard let time = timeColumn else { return }
        for (number, row) in rows.enumerated() {
            guard let text = row[time].text, let period = Period(text), period.frequency == frequency else {
                throw DatasetFormatError(dataset: id, reason: "row \(number): \"\(row[time].text ?? "null")\" is not a \(frequency.rawValue) period")
            }
        }
    }
}

extension Column {
    /// Reads a column description.
    init(json value: JSONValue, dataset: String) throws(DatasetFormatError) {
        guard let object = value.objectValue, let name = object["name"]?.stringValue,
              let roleText = object["role"]?.stringValue, let role = Role(rawValue: roleText) else {
            throw DatasetFormatError(dataset: dataset, reason: "a column lacks a name or a known role")
        }
        let aggregate = object["aggregate"]?.stringValue.flatMap(Aggregate.init(rawValue:))
        if role == .measure && aggregate == nil {
            throw DatasetFormatError(dataset: dataset, reason: "measure \"\(name)\" has no aggregate rule")
        }
        let unit = object["unit"]?.stringValue.flatMap { $0.isEmpty || $0 == "—" ? nil : $0 }
        self.init(name: name, type: object["type"]?.stringValue ?? "string", role: role,
                  label: object["label"]?.stringValue ?? name, unit: unit,
                  unitInferred: object["unit_inferred"]?.boolValue ?? false, aggregate: aggregate)
    }
}

extension Cell {
    /// A cell from a JSON value: numbers stay numbers, strings texts, anything else is missing.
    init(json value: JSONValue) {
        switch value {
        case .integer(let integer): self = .number(Double(integer))
        case .number(let number): self = .number(number)
        case .string(let text): self = .text(text)
        case .bool(let flag): self = .text(flag ? "true" : "false")
        default: self = .missing
        }
    }
}
