import Store

/// Everything research runs add to `ToolCatalog.standard`.
enum RunsCatalog {
    /// The tools, in listing order.
    static let tools: [AnyTool] = [
        AnyTool(AgentRunCreateTool()), AnyTool(AgentRunGetTool()), AnyTool(AgentRunWaitTool()),
        AnyTool(AgentThreadGetTool()), AnyTool(AgentThreadListTool()), AnyTool(ReportGenerateTool()), AnyTool(ReportGetTool()),
    ]

    /// `tak://runs/{run_id}` and the runs' chart images.
    static let resourceTemplates = RunCharts.templates
}
