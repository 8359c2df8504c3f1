#!/usr/bin/env python3
"""Independent secp256k1 / Ethereum answers for the Swift interop test (ECInteropTests).

Reads a JSON request on stdin:
  {"keys": ["0x<32 bytes>", ...], "digests": ["0x<32 bytes>", ...],
   "messages": ["0x<bytes>", ...], "typed_seed": int, "typed_count": int}
and prints one JSON object:
  keys[i]:   public key (uncompressed, compressed), EIP-55 address, and the RFC 6979 signature of
             digests[i] by keys[i] from eth_keys' pure-Python backend and from coincurve
             (libsecp256k1); both are deterministic, so they must match ours byte for byte.
  personal[i]: eth-account's EIP-191 hash and signature of messages[i] by keys[i].
  typed[j]:  random EIP-712 typed data (nested structs, arrays, every atomic type), built from
             typed_seed, with eth-account's domain separator, struct hash, digest and signature
             by keys[0].
Private keys are only read from the request, never printed.
"""
import json
import random
import sys

import coincurve
from eth_account import Account
from eth_account.messages import encode_defunct, encode_typed_data
from eth_keys import KeyAPI
from eth_keys.backends import NativeECCBackend
from eth_utils import keccak, to_checksum_address

NATIVE = KeyAPI(NativeECCBackend)


def unhex(text):
    return bytes.fromhex(text[2:] if text.startswith("0x") else text)


def hx(data):
    return "0x" + bytes(data).hex()


def key_answers(key_hex, digest_hex):
    key = unhex(key_hex)
    digest = unhex(digest_hex)
    native = NATIVE.PrivateKey(key)
    pub = native.public_key
    sig = native.sign_msg_hash(digest)  # v in {0, 1}
    native_sig = sig.to_bytes()[:64] + bytes([27 + sig.v])
    cc = coincurve.PrivateKey(key)
    cc_sig = cc.sign_recoverable(digest, hasher=None)  # r || s || recid
    cc_sig = cc_sig[:64] + bytes([27 + cc_sig[64]])
    return {
        "public_key": hx(b"\x04" + pub.to_bytes()),
        "compressed": hx(cc.public_key.format(compressed=True)),
        "address": to_checksum_address(keccak(pub.to_bytes())[12:]),
        "native_signature": hx(native_sig),
        "coincurve_signature": hx(cc_sig),
    }


def personal_answers(key_hex, message_hex):
    signable = encode_defunct(primitive=unhex(message_hex))
    signed = Account.sign_message(signable, unhex(key_hex))
    return {"hash": hx(signed.message_hash), "signature": hx(signed.signature)}


ATOMIC = (["address", "bool", "string", "bytes"] + [f"bytes{n}" for n in range(1, 33)]
          + [f"uint{n}" for n in range(8, 257, 8)] + [f"int{n}" for n in range(8, 257, 8)])


def random_int_json(rng, bits, signed):
    """An integer of the type's range, biased to edges, as JSON number or decimal/hex string."""
    if signed:
        lo, hi = -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    else:
        lo, hi = 0, (1 << bits) - 1
    pick = rng.random()
    if pick < 0.15:
        value = rng.choice([lo, hi, 0, 1, -1 if signed else 2])
    else:
        width = rng.randint(0, bits - (1 if signed else 0))
        value = rng.getrandbits(width) if width else 0
        if signed and rng.random() < 0.5:
            value = -value
    form = rng.random()
    if abs(value) < (1 << 53) and form < 0.4:
        return value
    if value >= 0 and form < 0.7:
        return hex(value)
    return str(value)


def random_value(rng, type_, types, depth):
    if type_.endswith("]"):
        inner, _, size = type_[:-1].rpartition("[")
        count = int(size) if size else rng.randint(0, 3)
        return [random_value(rng, inner, types, depth + 1) for _ in range(count)]
    if type_ in types:
        return {f["name"]: random_value(rng, f["type"], types, depth + 1) for f in types[type_]}
    if type_ == "address":
        raw = bytes(rng.getrandbits(8) for _ in range(20))
        return to_checksum_address(raw) if rng.random() < 0.7 else hx(raw)
    if type_ == "bool":
        return rng.random() < 0.5
    if type_ == "string":
        alphabet = "abcXYZ 019_-\u00e9\u4e2d\U0001f600\"\\"
        return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
    if type_ == "bytes":
        return hx(bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 70))))
    if type_.startswith("bytes"):
        return hx(bytes(rng.getrandbits(8) for _ in range(int(type_[5:]))))
    if type_.startswith("uint"):
        return random_int_json(rng, int(type_[4:]), False)
    if type_.startswith("int"):
        return random_int_json(rng, int(type_[3:]), True)
    raise ValueError(type_)


def random_typed_data(rng):
    count = rng.randint(1, 4)
    names = []
    while len(names) < count:
        name = rng.choice(["Mail", "Person", "Order", "Item", "Zeta", "Alpha", "Quote", "Leg"]) + str(rng.randint(0, 9))
        if name not in names:
            names.append(name)
    types = {}
    for index, name in enumerate(names):
        fields = []
        for j in range(rng.randint(1, 6)):
            later = names[index + 1:]
            if later and rng.random() < 0.35:
                base = rng.choice(later)  # only later structs: no cycles
            else:
                base = rng.choice(ATOMIC)
            for _ in range(rng.choice([0, 0, 0, 1, 1, 2])):
                base += rng.choice(["[]", "[1]", "[2]", "[3]"])
            fields.append({"name": f"{rng.choice(['a', 'b', 'to', 'from', 'x'])}{j}", "type": base})
        if index + 1 < len(names):
            # Every struct is reachable from the primary type (eth-account derives it that way).
            link = names[index + 1] + rng.choice(["", "", "[]", "[2]"])
            fields.insert(rng.randint(0, len(fields)), {"name": f"link{index}", "type": link})
        types[name] = fields
    domain_fields = [("name", "string"), ("version", "string"), ("chainId", "uint256"),
                     ("verifyingContract", "address"), ("salt", "bytes32")]
    chosen = [f for f in domain_fields if rng.random() < 0.7] or [domain_fields[0]]
    domain = {}
    for field, type_ in chosen:
        value = random_value(rng, type_, {}, 0)
        if field == "chainId":
            value = rng.choice([1, 8453, 84532, value])
        domain[field] = value
    types["EIP712Domain"] = [{"name": f, "type": t} for f, t in chosen]
    message = random_value(rng, names[0], types, 0)
    return {"types": types, "primaryType": names[0], "domain": domain, "message": message}


def typed_answers(rng, key_hex):
    data = random_typed_data(rng)
    signable = encode_typed_data(full_message=json.loads(json.dumps(data)))
    digest = keccak(b"\x19" + signable.version + signable.header + signable.body)
    signed = Account.sign_message(signable, unhex(key_hex))
    return {"typed_data": data, "domain_separator": hx(signable.header), "struct_hash": hx(signable.body),
            "digest": hx(digest), "signature": hx(signed.signature)}


def main():
    request = json.load(sys.stdin)
    keys = request["keys"]
    out = {"keys": [key_answers(k, d) for k, d in zip(keys, request["digests"])],
           "personal": [personal_answers(k, m) for k, m in zip(keys, request["messages"])]}
    rng = random.Random(request["typed_seed"])
    out["typed"] = [typed_answers(rng, keys[0]) for _ in range(request["typed_count"])]
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
