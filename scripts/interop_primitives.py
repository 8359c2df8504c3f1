#!/usr/bin/env python3
"""Known answers from independent implementations, on seeded random inputs.

    interop_primitives.py SEED

Prints one JSON object: for SHA-256 (hashlib), Keccak-256 (pycryptodome), HMAC-SHA256 (hmac),
PBKDF2-HMAC-SHA256 (hashlib), scrypt (pycryptodome) and AES-128-CTR (pycryptodome, 128-bit
big-endian counter), a list of cases with hex inputs and outputs. Lengths straddle the block
and padding boundaries; AES counters include ones about to wrap 2^128.
"""
import hashlib
import hmac
import json
import random
import sys

from Crypto.Cipher import AES
from Crypto.Hash import keccak
from Crypto.Protocol.KDF import scrypt

LENGTHS = [0, 1, 3, 31, 32, 33, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 135, 136, 137, 200, 271, 272, 273, 1000, 4096]


def main():
    rng = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
    data = lambda n: rng.randbytes(n)
    out = {"sha256": [], "keccak256": [], "hmac_sha256": [], "pbkdf2_sha256": [], "scrypt": [], "aes128_ctr": []}
    for n in LENGTHS + [rng.randrange(5000) for _ in range(5)]:
        m = data(n)
        out["sha256"].append({"input": m.hex(), "digest": hashlib.sha256(m).hexdigest()})
        k = keccak.new(digest_bits=256)
        k.update(m)
        out["keccak256"].append({"input": m.hex(), "digest": k.hexdigest()})
    for key_len in [0, 1, 16, 32, 63, 64, 65, 100, 200]:
        key, msg = data(key_len), data(rng.randrange(300))
        out["hmac_sha256"].append({"key": key.hex(), "message": msg.hex(),
                                   "mac": hmac.new(key, msg, hashlib.sha256).hexdigest()})
    for _ in range(6):
        pw, salt = data(rng.randrange(80)), data(rng.randrange(40))
        c, dklen = rng.choice([1, 2, 3, 100, 1000]), rng.choice([1, 16, 32, 33, 64, 100])
        out["pbkdf2_sha256"].append({"password": pw.hex(), "salt": salt.hex(), "iterations": c, "dklen": dklen,
                                     "key": hashlib.pbkdf2_hmac("sha256", pw, salt, c, dklen).hex()})
    for n, r, p in [(2, 1, 1), (16, 1, 1), (64, 2, 2), (128, 4, 1), (256, 8, 1), (32, 3, 3)]:
        pw, salt, dklen = data(rng.randrange(40)), data(rng.randrange(40)), rng.choice([16, 32, 64, 65])
        key = scrypt(pw, salt, key_len=dklen, N=n, r=r, p=p)
        out["scrypt"].append({"password": pw.hex(), "salt": salt.hex(), "n": n, "r": r, "p": p, "dklen": dklen,
                              "key": key.hex()})
    for n in [0, 1, 15, 16, 17, 63, 64, 65, 200, 1000]:
        key, msg = data(16), data(n)
        iv = data(16) if n % 2 else bytes([0xff] * 15) + bytes([rng.randrange(250, 256)])
        cipher = AES.new(key, AES.MODE_CTR, nonce=b"", initial_value=iv)
        out["aes128_ctr"].append({"key": key.hex(), "iv": iv.hex(), "plaintext": msg.hex(),
                                  "ciphertext": cipher.encrypt(msg).hex()})
    print(json.dumps(out))


if __name__ == "__main__":
    main()
