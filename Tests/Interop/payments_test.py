"""Interop: resource servers built on the official x402 Python SDK (its own facilitator verify and
settle, over a local USDC ledger) and on pympp's `evm` charge server (pinned in
scripts/requirements-interop.txt) accept payments made by the built tak-mcp binary: x402 v1,
x402 v2, the MPP `evm` charge with an authorization credential, and x402 v2 to the pympp server.
Only loopback traffic. Prints `N passed, N failed`; exits 1 on any failure.

Usage: .venv/bin/python Tests/Interop/payments_test.py PATH_TO_TAK_MCP
"""
import json
import os
import subprocess
import sys
import tempfile
import urllib.request

KEY = "0xb3cb640beaf6722da4e71a74b68714c707288da2f5359079f97aef129917326a"  # public test key, never funded
PAYER = "0x7D83266E81964561335A01bab563848f769f366B"
SERVERS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts", "interop_payment_servers.py")
results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition)))
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else f": {detail}"), flush=True)


class Session:
    """tak-mcp serve over stdio, one JSON-RPC line at a time."""

    def __init__(self, binary, home):
        env = dict(os.environ, AGENT_KEY=KEY)
        env.pop("TAK_HOME", None)
        self.process = subprocess.Popen([binary, "serve", "--home", home], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, env=env, text=True)
        self.next_id = 0
        self.request("initialize", {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "interop", "version": "1"}})
        self.send({"jsonrpc": "2.0", "method": "notifications/initialized"})

    def send(self, message):
        self.process.stdin.write(json.dumps(message) + "\n")
        self.process.stdin.flush()

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        while True:
            message = json.loads(self.process.stdout.readline())
            if message.get("id") == self.next_id:
                return message

    def call(self, name, arguments):
        return self.request("tools/call", {"name": name, "arguments": arguments})["result"]

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=10)


def main(binary):
    servers = subprocess.Popen([sys.executable, SERVERS, PAYER, "1000000"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        url = json.loads(servers.stdout.readline())["url"]
        session = Session(binary, tempfile.mkdtemp(prefix="tak-interop-pay-"))
        try:
            wallet = session.call("wallet_register", {"agent_id": "ag_interop", "company_id": "co", "private_key_env": "AGENT_KEY",
                                                      "network": "base-sepolia"})
            check("the test key is registered", wallet["structuredContent"]["address"] == PAYER, wallet)

            def pay(path, key, **extra):
                result = session.call("make_payment", dict({"agent_id": "ag_interop", "url": url + path, "idempotency_key": key}, **extra))
                return result.get("structuredContent", {})

            v1 = pay("/v1/joke", "v1")
            check("the x402 SDK facilitator settles our v1 X-PAYMENT", v1.get("payment", {}).get("state") == "settled", v1)
            check("its X-PAYMENT-RESPONSE is decoded", v1.get("headers", {}).get("x-payment-response", {}).get("success") is True, v1)
            v2 = pay("/v2/joke", "v2")
            check("the x402 SDK resource server settles our v2 PAYMENT-SIGNATURE", v2.get("payment", {}).get("state") == "settled", v2)
            check("its PAYMENT-RESPONSE is decoded", v2.get("headers", {}).get("payment-response", {}).get("network") == "eip155:84532", v2)
            mpp = pay("/mpp/joke", "mpp", protocol="mpp")
            check("the pympp evm charge server accepts our MPP authorization credential", mpp.get("payment", {}).get("protocol") == "mpp"
                  and mpp.get("payment", {}).get("state") == "settled", mpp)
            check("its Payment-Receipt is decoded", mpp.get("headers", {}).get("payment-receipt", {}).get("status") == "success", mpp)
            both = pay("/mpp/joke", "mpp-x402", protocol="x402")
            check("the pympp server also accepts our x402 v2 payment", both.get("payment", {}).get("protocol") == "x402-v2"
                  and both.get("payment", {}).get("state") == "settled", both)
            again = pay("/v2/joke", "v2")
            check("a retry with the same key returns the same payment", again.get("payment", {}).get("payment_id") == v2.get("payment", {}).get("payment_id"), again)
            ledger = json.loads(urllib.request.urlopen(url + "/ledger", timeout=10).read())
            check("the ledger moved exactly four payments", len(ledger["settlements"]) == 4, ledger)
            check("the payer paid 0.04 USDC", ledger["balances"].get(PAYER.lower()) == "960000", ledger)
        finally:
            session.close()
    finally:
        servers.stdin.close()
        servers.wait(timeout=10)
    passed = sum(1 for _, ok in results if ok)
    print(f"{passed} passed, {len(results) - passed} failed")
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
