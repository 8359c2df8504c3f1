#!/usr/bin/env python3
"""The official x402 Python client (x402ClientSync + its requests adapter, pinned 2.25.0) paying
/v2/joke of scripts/interop_payment_servers.py COUNT times, and the same joke unpaid
(/free/joke) as the baseline, for `tak-bench payments`. Prints JSON {paid_ms, unpaid_ms}: p50s.

Usage: bench_x402_python_client.py URL COUNT
"""
import json
import statistics
import sys
import time

import requests
from eth_account import Account

from x402 import x402ClientSync
from x402.http.clients import x402_requests
from x402.mechanisms.evm.exact import register_exact_evm_client

KEY = "0xb3cb640beaf6722da4e71a74b68714c707288da2f5359079f97aef129917326a"  # public test key, never funded


def main(url, count):
    client = x402ClientSync()
    register_exact_evm_client(client, Account.from_key(KEY))
    session = x402_requests(client)
    plain = requests.Session()

    def p50(fetch):
        times = []
        for _ in range(count):
            start = time.perf_counter()
            response = fetch()
            times.append((time.perf_counter() - start) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"HTTP {response.status_code}: {response.text[:200]}")
        return statistics.median(times)

    unpaid = p50(lambda: plain.get(url + "/free/joke"))
    paid = p50(lambda: session.get(url + "/v2/joke"))
    print(json.dumps({"paid_ms": paid, "unpaid_ms": unpaid}))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
