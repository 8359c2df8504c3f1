#!/usr/bin/env python3
"""Resource servers built on the official SDKs, for TakMCP's payment interop tests (offline).

- /v1/joke   x402 v1: the 402 body is written here (the SDK's resource server is v2 only), the
             payment is verified and settled by the SDK's own facilitator (x402FacilitatorSync
             with register_exact_evm_facilitator).
- /v2/joke   x402 v2: the SDK's own HTTP resource server (x402HTTPResourceServerSync) with the
             same facilitator as its client.
- /mpp/joke  MPP: a pympp `evm` charge server (mpp.methods.evm.server.charge) with a local
             settle function; pympp runs every check itself.

All three settle on LocalUSDC, an in-memory stand-in for Base Sepolia USDC that applies
`transferWithAuthorization` as the FiatToken contract does (EIP-712 digest by eth_account,
ecrecover with low-s and v 27/28, the strict validity window, unused nonce, balance) and
answers the facilitator's reads (get_code, simulation, receipts with the Transfer log).

Usage: interop_payment_servers.py PAYER_ADDRESS BALANCE_ATOMIC
Prints one JSON line {"url": "http://127.0.0.1:PORT"} and serves on 127.0.0.1 until stdin
closes. GET /ledger returns balances and the settlements made; GET /free/joke is the same joke
unpaid (the baseline of `tak-bench payments`).
"""

import asyncio
import base64
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from eth_account import Account
from eth_account.messages import encode_typed_data
from eth_utils import keccak, to_checksum_address

from x402 import x402FacilitatorSync, x402ResourceServerSync
from x402.http import x402HTTPResourceServerSync
from x402.http.types import HTTPRequestContext
from x402.http.utils import encode_payment_response_header
from x402.mechanisms.evm.exact import register_exact_evm_facilitator, register_exact_evm_server
from x402.mechanisms.evm.types import TransactionReceipt
from x402.schemas.v1 import PaymentPayloadV1, PaymentRequirementsV1

from mpp.methods.evm import BASE_SEPOLIA_USDC
from mpp.methods.evm import server as mpp_evm
from mpp.server import Mpp, Request, Response
from mpp.store import MemoryStore

USDC = "0x036CbD53842c5426634e7929541eC2318f3dCF7e"
CHAIN_ID = 84532
PAY_TO = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"
PRICE = 10000  # 0.01 USDC
SECP256K1_HALF_N = 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0
TRANSFER_TOPIC = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"
FACILITATOR = "0x90F79bf6EB2c4f870365E785982E1f101E93b906"


class Revert(Exception):
    """A contract revert, with FiatToken's reason string."""


class LocalUSDC:
    """Base Sepolia USDC on a dictionary, as the SDK's FacilitatorEvmSigner sees a chain."""

    def __init__(self, payer, balance):
        self.lock = threading.Lock()
        self.balances = {payer.lower(): balance}
        self.used = set()
        self.receipts = {}
        self.settlements = []

    # -- FiatToken's transferWithAuthorization, checked as the contract does ------------------
    def _check(self, from_, to, value, valid_after, valid_before, nonce, v, r, s):
        now = int(time.time())
        if not now > valid_after:
            raise Revert("FiatTokenV2: authorization is not yet valid")
        if not now < valid_before:
            raise Revert("FiatTokenV2: authorization is expired")
        key = (from_.lower(), bytes(nonce))
        if key in self.used:
            raise Revert("FiatTokenV2: authorization is used or canceled")
        if v not in (27, 28) or int.from_bytes(s, "big") > SECP256K1_HALF_N:
            raise Revert("ECRecover: invalid signature")
        typed = {
            "types": {
                "EIP712Domain": [{"name": "name", "type": "string"}, {"name": "version", "type": "string"},
                                 {"name": "chainId", "type": "uint256"}, {"name": "verifyingContract", "type": "address"}],
                "TransferWithAuthorization": [{"name": "from", "type": "address"}, {"name": "to", "type": "address"},
                                              {"name": "value", "type": "uint256"}, {"name": "validAfter", "type": "uint256"},
                                              {"name": "validBefore", "type": "uint256"}, {"name": "nonce", "type": "bytes32"}],
            },
            "primaryType": "TransferWithAuthorization",
            "domain": {"name": "USDC", "version": "2", "chainId": CHAIN_ID, "verifyingContract": USDC},
            "message": {"from": from_, "to": to, "value": value, "validAfter": valid_after,
                        "validBefore": valid_before, "nonce": bytes(nonce)},
        }
        signer = Account.recover_message(encode_typed_data(full_message=typed), vrs=(v, r, s))
        if signer.lower() != from_.lower():
            raise Revert("FiatTokenV2: invalid signature")
        if self.balances.get(from_.lower(), 0) < value:
            raise Revert("ERC20: transfer amount exceeds balance")
        return key

    def _apply(self, args):
        from_, to, value, valid_after, valid_before, nonce, v, r, s = args
        with self.lock:
            key = self._check(from_, to, int(value), int(valid_after), int(valid_before), nonce, v, r, s)
            self.used.add(key)
            self.balances[from_.lower()] -= int(value)
            self.balances[to.lower()] = self.balances.get(to.lower(), 0) + int(value)
            tx = "0x" + keccak(b"tx" + from_.lower().encode() + bytes(nonce)).hex()
            self.settlements.append({"tx": tx, "from": to_checksum_address(from_), "to": to_checksum_address(to), "value": str(value)})
            topic = lambda address: "0x" + "0" * 24 + address.lower().removeprefix("0x")
            self.receipts[tx] = TransactionReceipt(status=1, block_number=len(self.settlements), tx_hash=tx, logs=[
                {"address": USDC, "topics": [TRANSFER_TOPIC, topic(from_), topic(to)], "data": "0x" + int(value).to_bytes(32, "big").hex()}])
            return tx

    # -- FacilitatorEvmSigner -------------------------------------------------------------------
    def get_addresses(self):
        return [FACILITATOR]

    def get_code(self, address):
        return b"\x60\x80" if address.lower() == USDC.lower() else b""

    def get_chain_id(self):
        return CHAIN_ID

    def get_balance(self, address, token_address):
        return self.balances.get(address.lower(), 0)

    def read_contract(self, address, abi, function_name, *args):
        if address.lower() != USDC.lower():
            raise Revert("no contract at " + address)
        if function_name == "transferWithAuthorization":
            with self.lock:
                self._check(args[0], args[1], int(args[2]), int(args[3]), int(args[4]), args[5], *args[6:9])
            return None
        if function_name == "balanceOf":
            return self.balances.get(args[0].lower(), 0)
        if function_name == "name":
            return "USDC"
        if function_name == "version":
            return "2"
        if function_name == "authorizationState":
            return (args[0].lower(), bytes(args[1])) in self.used
        raise Revert("unknown function " + function_name)

    def write_contract(self, address, abi, function_name, *args, data_suffix=None):
        if address.lower() != USDC.lower() or function_name != "transferWithAuthorization" or len(args) != 9:
            raise Revert("unsupported call " + function_name)
        return self._apply(args)

    def send_transaction(self, to, data):
        raise Revert("raw transactions are not emulated")

    def wait_for_transaction_receipt(self, tx_hash):
        return self.receipts[tx_hash]

    def verify_typed_data(self, address, domain, types, primary_type, message, signature):
        raise Revert("EIP-1271 is not emulated")

    # -- pympp's settle hook ----------------------------------------------------------------------
    def settle_mpp(self, authorization):
        payload = authorization.payload
        get = lambda name: payload.get(name) if isinstance(payload, dict) else getattr(payload, name.replace("from", "from_"))
        signature = bytes.fromhex(get("signature").removeprefix("0x"))
        return self._apply((get("from"), get("to"), int(get("value")), int(get("validAfter")), int(get("validBefore")),
                            bytes.fromhex(get("nonce").removeprefix("0x")), signature[64], signature[:32], signature[32:64]))


class Adapter:
    """The SDK's HTTPAdapter over a BaseHTTPRequestHandler."""

    def __init__(self, handler):
        self.handler = handler

    def get_header(self, name):
        return self.handler.headers.get(name)

    def get_method(self):
        return self.handler.command

    def get_path(self):
        return self.handler.path.split("?")[0]

    def get_url(self):
        return "http://" + self.handler.headers.get("Host", "127.0.0.1") + self.handler.path

    def get_accept_header(self):
        return self.handler.headers.get("Accept", "")

    def get_user_agent(self):
        return self.handler.headers.get("User-Agent", "")

    def get_query_params(self):
        return {}

    def get_query_param(self, name):
        return None

    def get_body(self):
        return None


def build(payer, balance):
    chain = LocalUSDC(payer, balance)
    facilitator = x402FacilitatorSync()
    register_exact_evm_facilitator(facilitator, chain, networks="eip155:84532")
    resource_server = x402ResourceServerSync(facilitator)
    register_exact_evm_server(resource_server, networks="eip155:84532")
    http_server = x402HTTPResourceServerSync(resource_server, {
        "GET /v2/joke": {"accepts": {"scheme": "exact", "payTo": PAY_TO, "price": "$0.01", "network": "eip155:84532"},
                         "description": "A joke, x402 v2 (official SDK)", "mimeType": "application/json"}})
    http_server.initialize()
    mpp = Mpp(methods=mpp_evm.charge(currency=BASE_SEPOLIA_USDC, recipient=PAY_TO, settle=chain.settle_mpp,
                                     store=MemoryStore(), route_binding="resource"),
              realm="interop.local", secret_key=os.urandom(32).hex())
    return chain, facilitator, http_server, mpp


JOKE = {"joke": "An SDK and a Swift binary walk into a 402."}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    chain = facilitator = http_server = mpp = None

    def log_message(self, *args):
        pass

    def send(self, status, body, headers=()):
        data = json.dumps(body).encode() if not isinstance(body, bytes) else body
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        if not any(name.lower() == "content-type" for name, _ in headers):
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(data)
        self.close_connection = True

    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/ledger":
            return self.send(200, {"balances": {k: str(v) for k, v in self.chain.balances.items()}, "settlements": self.chain.settlements})
        if path == "/free/joke":
            return self.send(200, JOKE)
        if path == "/v1/joke":
            return self.v1()
        if path == "/v2/joke":
            return self.v2()
        if path == "/mpp/joke":
            return self.mpp_joke()
        self.send(404, {"error": "not found"})

    def v1(self):
        requirements = PaymentRequirementsV1.model_validate({
            "scheme": "exact", "network": "base-sepolia", "maxAmountRequired": str(PRICE),
            "resource": "http://" + self.headers.get("Host", "") + "/v1/joke", "description": "A joke, x402 v1 (SDK facilitator)",
            "mimeType": "application/json", "payTo": PAY_TO, "maxTimeoutSeconds": 60, "asset": USDC,
            "extra": {"name": "USDC", "version": "2"}})
        header = self.headers.get("X-PAYMENT")
        required = {"x402Version": 1, "error": "X-PAYMENT header is required",
                    "accepts": [requirements.model_dump(by_alias=True, exclude_none=True)]}
        if not header:
            return self.send(402, required)
        payload = PaymentPayloadV1.model_validate_json(base64.b64decode(header))
        verified = self.facilitator.verify(payload, requirements)
        if not verified.is_valid:
            return self.send(402, dict(required, error=verified.invalid_reason))
        settled = self.facilitator.settle(payload, requirements)
        if not settled.success:
            return self.send(402, dict(required, error=settled.error_reason))
        self.send(200, JOKE, [("X-PAYMENT-RESPONSE", encode_payment_response_header(settled))])

    def v2(self):
        adapter = Adapter(self)
        context = HTTPRequestContext(adapter=adapter, path=adapter.get_path(), method="GET",
                                     payment_header=adapter.get_header("payment-signature") or adapter.get_header("x-payment"))
        result = self.http_server.process_http_request(context, None)
        if result.type == "payment-error":
            response = result.response
            return self.send(response.status, response.body or {}, list(response.headers.items()))
        if result.type != "payment-verified":
            return self.send(500, {"error": result.type})
        settled = self.http_server.process_settlement(result.payment_payload, result.payment_requirements, context=context,
                                                      declared_extensions=result.declared_extensions)
        if not settled.success:
            response = settled.response
            return self.send(response.status if response else 402, (response.body if response else None) or {},
                             list(response.headers.items()) if response else [])
        self.send(200, JOKE, list(settled.headers.items()))

    def mpp_joke(self):
        request = Request(method="GET", url="http://" + self.headers.get("Host", "") + self.path, headers=list(self.headers.items()))
        result = asyncio.run(self.mpp.charge(amount="0.01")(request))
        if result.status != 200:
            challenge = result.challenge
            return self.send(challenge.status, challenge.body or b"", list(challenge.headers.multi_items()))
        paid = result.with_receipt(Response.json(JOKE))
        self.send(200, paid.body, list(paid.headers.multi_items()))


def main():
    payer, balance = sys.argv[1], int(sys.argv[2])
    Handler.chain, Handler.facilitator, Handler.http_server, Handler.mpp = build(payer, balance)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(json.dumps({"url": f"http://127.0.0.1:{server.server_address[1]}"}), flush=True)
    sys.stdin.read()
    server.shutdown()


if __name__ == "__main__":
    main()
