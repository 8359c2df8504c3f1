import JSON
@testable import Knowledge

/// Small data sets in the converter's format, made up for the tests only (never in Sources).
enum Fixtures {
    /// Three entities in two groups over four years; Cc misses 2002's count (so the group sum skips 2002).
    static let panel = #"""
    {"id":"fixture-panel","title":"Fixture panel: widgets by town, 2000–2003","description":"Made up for tests.","source_name":"Test Bureau","source_url":"https://example.org/panel","package":"fixture==1","package_file":"panel.csv","license":"public domain","license_note":"test","frequency":"year",
    "columns":[{"name":"town","type":"string","role":"entity","label":"Town"},{"name":"region","type":"string","role":"group","label":"Region"},{"name":"year","type":"period","role":"time","label":"Year"},{"name":"widgets","type":"number","role":"measure","label":"Widgets made","unit":"widgets","unit_inferred":false,"aggregate":"sum"},{"name":"price","type":"number","role":"measure","label":"Widget price","unit":"US dollars","unit_inferred":true,"aggregate":"none"},{"name":"temp","type":"number","role":"measure","label":"Temperature","unit":"°C","unit_inferred":false,"aggregate":"mean"}],
    "rows":[["Aa","North","2000",10,2.0,5],["Aa","North","2001",20,2.5,6],["Aa","North","2002",30,3.0,7],["Aa","North","2003",40,4.0,8],
            ["Bb","North","2000",5,1.0,1],["Bb","North","2001",5,1.5,2],["Bb","North","2002",15,1.0,3],["Bb","North","2003",10,2.0,4],
            ["Cc","South","2000",1,8.0,20],["Cc","South","2001",2,8.0,21],["Cc","South","2002",null,9.0,22],["Cc","South","2003",4,10.0,23]]}
    """#

    /// One measure by day over two months (January complete, February missing a day).
    static let timeline: String = {
        var rows: [String] = []
        for day in 1...31 { rows.append("[\"2001-01-\(day < 10 ? "0" : "")\(day)\",\(day)]") }
        for day in 1...27 { rows.append("[\"2001-02-\(day < 10 ? "0" : "")\(day)\",1]") }
        return #"{"id":"fixture-daily","title":"Fixture daily rain","description":"Made up.","source_name":"Test Met","source_url":"https://example.org/rain","package":"fixture==1","package_file":"rain.csv","license":"not stated","license_note":"test","frequency":"day","columns":[{"name":"date","type":"period","role":"time","label":"Date"},{"name":"rain","type":"number","role":"measure","label":"Rain","unit":"mm","unit_inferred":false,"aggregate":"sum"}],"rows":["#
            + rows.joined(separator: ",") + "]}"
    }()

    /// A table: one row per entity, no time.
    static let table = #"""
    {"id":"fixture-table","title":"Fixture stations","description":"Made up.","source_name":"Test Survey","source_url":"https://example.org/s","package":"fixture==1","package_file":"s.csv","license":"BSD","license_note":"test","frequency":"none",
    "columns":[{"name":"code","type":"string","role":"entity","label":"Station code"},{"name":"state","type":"string","role":"group","label":"State"},{"name":"height","type":"number","role":"measure","label":"Height","unit":"m","unit_inferred":false,"aggregate":"none"}],
    "rows":[["S1","X",100],["S2","X",300],["S3","Y",200],["S4","X",null]]}
    """#

    /// A knowledge base of the three fixtures.
    static let base: KnowledgeBase = KnowledgeBase(datasets: [panel, timeline, table].map { try! Dataset(json: $0) })
}

/// Reads the embedded data sets' raw JSON directly (not through the engine), as the tests' oracle.
enum RawData {
    /// A data set's rows as parsed JSON, keyed by id.
    static let datasets: [String: JSONObject] = {
        var all: [String: JSONObject] = [:]
        for text in EmbeddedKnowledge.all {
            let object = try! JSONValue.parse(text).objectValue!
            all[object["id"]!.stringValue!] = object
        }
        return all
    }()

    /// The index of column `name` in data set `id`.
    static func column(_ id: String, _ name: String) -> Int {
        datasets[id]!["columns"]!.arrayValue!.firstIndex { $0["name"]?.stringValue == name }!
    }

    /// The rows of data set `id` where column `key` equals `value` (all rows when `key` is nil).
    static func rows(_ id: String, where key: String? = nil, is value: String? = nil) -> [[JSONValue]] {
        let all = datasets[id]!["rows"]!.arrayValue!.map { $0.arrayValue! }
        guard let key, let value else { return all }
        let index = column(id, key)
        return all.filter { $0[index].stringValue == value }
    }

    /// (period, value) pairs of `measure` for the rows, sorted by period, missing values left out.
    static func series(_ id: String, time: String, measure: String, where key: String? = nil, is value: String? = nil) -> [(String, Double)] {
        let t = column(id, time), m = column(id, measure)
        return rows(id, where: key, is: value).compactMap { row in row[m].doubleValue.map { (row[t].stringValue!, $0) } }
            .sorted { $0.0 < $1.0 }
    }
}
