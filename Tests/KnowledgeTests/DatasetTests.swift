import Testing
@testable import Knowledge

/// Data sets load from the converter's JSON and refuse what they cannot use.
@Suite("Data sets")
struct DatasetTests {
    @Test("A data set keeps its provenance, columns and cells; null is a missing value")
    func loadsFixture() throws {
        let dataset = try Dataset(json: Fixtures.panel)
        #expect(dataset.id == "fixture-panel")
        #expect(dataset.license == "public domain")
        #expect(dataset.frequency == .year)
        #expect(dataset.columns.map(\.role) == [.entity, .group, .time, .measure, .measure, .measure])
        #expect(dataset.columns[3].aggregate == .sum)
        #expect(dataset.columns[4].unitInferred)
        #expect(dataset.rows.count == 12)
        #expect(dataset.rows[10][3] == .missing)
        #expect(dataset.rows[0][3] == .number(10))
    }

    @Test("Malformed data sets are refused with the data set and the reason named",
          arguments: [
            (#"{"id":"x","title":"t","description":"d","source_name":"s","source_url":"u","package":"p","package_file":"f","license":"l","frequency":"year","columns":[{"name":"y","role":"time","label":"Y"}],"rows":[["19x2"]]}"#, "is not a year period"),
            (#"{"id":"x","title":"t","description":"d","source_name":"s","source_url":"u","package":"p","package_file":"f","license":"l","frequency":"weekly","columns":[],"rows":[]}"#, "unknown frequency"),
            (#"{"id":"x","title":"t","description":"d","source_name":"s","source_url":"u","package":"p","package_file":"f","license":"l","frequency":"none","columns":[{"name":"m","role":"measure","label":"M"}],"rows":[]}"#, "has no aggregate rule"),
            (#"{"id":"x","title":"t","description":"d","source_name":"s","source_url":"u","package":"p","package_file":"f","license":"l","frequency":"none","columns":[{"name":"m","role":"attribute","label":"M"}],"rows":[["a","b"]]}"#, "does not have 1 cells"),
            (#"{"id":"x","title":"t"}"#, "missing string field"),
          ])
    func refusesMalformed(json: String, reason: String) {
        #expect {
            _ = try Dataset(json: json)
        } throws: { error in
            guard let error = error as? DatasetFormatError else { return false }
            return error.dataset == "x" && error.reason.contains(reason)
        }
    }

    @Test("Every embedded data set loads, and its layout matches its shape")
    func embeddedLoads() {
        let base = KnowledgeBase.embedded
        let layouts = Dictionary(uniqueKeysWithValues: zip(base.corpus.datasets.map(\.id), base.corpus.layouts))
        #expect(base.corpus.datasets.count == EmbeddedKnowledge.all.count)
        #expect(layouts["gapminder"] == .panel)
        #expect(layouts["macrodata"] == .timeline)
        #expect(layouts["airports"] == .table)
        #expect(layouts["iris"] == .samples)
        #expect(layouts["cars"] == .sparsePanel)
        #expect(layouts["la-riots"] == .events)
    }
}
