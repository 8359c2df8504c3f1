print("tak-mcp")
