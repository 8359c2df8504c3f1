"""Interop: the official Python MCP SDK (pinned in scripts/requirements-interop.txt) drives the
built tak-mcp binary over stdio: initialize, list tools, call `health`, read a resource, get a
prompt, complete, set the log level, and a tool error. Prints `N passed, N failed`; exits 1 on any
failure.

Usage: .venv/bin/python Tests/Interop/mcp_client_test.py PATH_TO_TAK_MCP
"""
import asyncio
import json
import sys
import tempfile

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition)))
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else f": {detail}"), flush=True)


async def main(binary):
    home = tempfile.mkdtemp(prefix="tak-interop-")
    params = StdioServerParameters(command=binary, args=["serve", "--home", home])
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            init = await session.initialize()
            check("initialize negotiates a handshake version", init.protocol_version in ("2025-11-25", "2025-06-18"), init.protocol_version)
            check("serverInfo names tak-mcp", init.server_info.name == "tak-mcp", init.server_info)
            check("instructions mention idempotency keys", "idempotency_key" in (init.instructions or ""))

            tools = await session.list_tools()
            names = [t.name for t in tools.tools]
            check("tools/list includes health", "health" in names, names)
            health_tool = next(t for t in tools.tools if t.name == "health")
            check("health is annotated read-only", health_tool.annotations and health_tool.annotations.read_only_hint is True)
            check("health declares an output schema", health_tool.output_schema is not None)

            result = await session.call_tool("health", {})
            check("health succeeds", not result.is_error, result)
            structured = result.structured_content or {}
            check("health reports tak/0.1", structured.get("version") == "tak/0.1", structured)
            check("health reports operational", structured.get("status") == "operational", structured)
            text = result.content[0].text if result.content else ""
            check("text block carries the same JSON", json.loads(text) == structured, text)

            bad = await session.call_tool("health", {"verbose": True})
            check("a bad argument is an isError result", bad.is_error, bad)
            check("the error names the field", "verbose" in (bad.content[0].text if bad.content else ""), bad)

            resource = await session.read_resource("tak://health")
            check("resources/read tak://health", json.loads(resource.contents[0].text)["version"] == "tak/0.1")

            prompt = await session.get_prompt("getting_started", {"topic": "money"})
            check("prompts/get getting_started", "nano" in prompt.messages[0].content.text)

            await session.set_logging_level("debug")
            check("logging/setLevel accepted", True)
            await session.send_ping()
            check("ping", True)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    try:
        asyncio.run(asyncio.wait_for(main(sys.argv[1]), timeout=60))
    except Exception as error:  # noqa: BLE001 - any failure of the session is a failed check
        check("session ran to the end", False, repr(error))
    passed = sum(1 for _, ok in results if ok)
    failed = len(results) - passed
    print(f"interop: {passed} passed, {failed} failed")
    sys.exit(1 if failed or not results else 0)
