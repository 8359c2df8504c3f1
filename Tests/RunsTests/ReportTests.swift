import Knowledge
import Testing
@testable import Runs

/// Reports: sections planned from the topic, one run each, assembled with charts and one
/// source list numbered across the sections.
@Suite struct ReportTests {
    @Test("a topic with two subjects gets the topic, each subject alone and a ranking")
    func plannedSections() {
        let sections = ReportPlanner(base: RawData.base).sections(topic: "Life expectancy in Brazil and India since 1990", requested: nil)
        #expect(sections == [
            "Life expectancy in Brazil and India since 1990",
            "Life expectancy at birth of Brazil since 1990", "Life expectancy at birth of India since 1990",
            "Which have the highest life expectancy at birth?",
        ])
    }

    @Test("requested sections are kept, trimmed, without blanks or repeats")
    func requestedSections() {
        let sections = ReportPlanner(base: RawData.base).sections(topic: "x", requested: [" US unemployment ", "", "us unemployment", "Seattle weather"])
        #expect(sections == ["US unemployment", "Seattle weather"])
    }

    @Test("an unanswerable topic gets one section that says so")
    func unanswerableTopic() {
        #expect(ReportPlanner(base: RawData.base).sections(topic: "Tesla revenue", requested: nil) == ["Tesla revenue"])
    }

    @Test("sections' citations are renumbered across the report; a shared card keeps one number; charts lead each section")
    func writtenReport() throws {
        let questions = ["Life expectancy of Brazil since 1990", "Compare life expectancy of Brazil and India since 1990"]
        var sections: [ReportSection] = []
        for (index, question) in questions.enumerated() {
            let (_, result) = try RawData.run(question)
            sections.append(ReportSection(question: question, runID: "run_\(index)", result: result))
        }
        let report = ReportWriter.write(topic: "Life expectancy", generatedAt: "2026-12-04 17:00 (America/New_York)", sections: sections)
        let ids = report.cards.compactMap { $0["card_id"]?.stringValue }
        #expect(Set(ids).count == ids.count)
        let brazil = try #require(ids.firstIndex(of: "gapminder.lifeexp.brazil@1992..2007"))
        #expect(report.markdown.hasPrefix("# Life expectancy\n\n*Generated 2026-12-04 17:00 (America/New_York) from 2 research runs"))
        #expect(report.markdown.contains("## 1. Life expectancy of Brazil since 1990\n\n![Brazil: life expectancy at birth, 1992–2007](tak://cards/gapminder.lifeexp.brazil@1992..2007/chart.svg)"))
        let second = try #require(report.markdown.ranges(of: "## 2. ").first)
        let secondBody = report.markdown[second.lowerBound...]
        #expect(secondBody.contains("[\(brazil + 1)]"), "the Brazil card cited in section 2 keeps its section 1 number")
        #expect(report.markdown.contains("## Sources\n\n[1] Brazil: life expectancy at birth, 1992–2007"))
        #expect(!report.markdown.contains("**Sources**"))
        let citations = NumberCheck.citationMarkers(report.markdown)
        #expect(citations.allSatisfy { (1...report.cards.count).contains($0) })
    }

    @Test("citation markers are renumbered; other brackets are left alone")
    func renumbering() {
        let text = Citations.renumber("a [1] b [2, 3] c [x] d [9]", cardCount: 4) { [1: 4, 2: 1, 3: -1][$0] }
        #expect(text == "a [4] b [1, 5] c [x] d [9]")
    }
}
