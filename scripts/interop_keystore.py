#!/usr/bin/env python3
"""Keystore v3 interop with eth-account (an independent implementation).

    interop_keystore.py make DIR    write eth-account keystores (scrypt and pbkdf2, small work
                                    factors) into DIR, with DIR/manifest.json = {file: {key, passphrase}}
    interop_keystore.py check DIR   decrypt every keystore listed in DIR/manifest.json (written by
                                    the Swift side) with eth-account and compare the recovered key;
                                    also confirm a wrong passphrase is refused

Prints one JSON object on stdout; exits 1 on any mismatch. Keys are seeded test keys, never funded.
"""
import json
import os
import random
import sys

from eth_account import Account

CASES = [
    ("py-scrypt-n1024.json", "scrypt", 1024, "correct horse battery staple"),
    ("py-scrypt-n16.json", "scrypt", 16, "pässwörd ⚡"),
    ("py-pbkdf2-c1000.json", "pbkdf2", 1000, "hunter2"),
    ("py-pbkdf2-c1.json", "pbkdf2", 1, ""),
]


def make(folder):
    rng = random.Random(402)
    os.makedirs(folder, exist_ok=True)
    manifest = {}
    for name, kdf, work, passphrase in CASES:
        key = rng.randbytes(32)
        keystore = Account.encrypt(key, passphrase, kdf=kdf, iterations=work)
        with open(os.path.join(folder, name), "w") as f:
            json.dump(keystore, f)
        manifest[name] = {"key": key.hex(), "passphrase": passphrase,
                          "address": Account.from_key(key).address}
    with open(os.path.join(folder, "manifest.json"), "w") as f:
        json.dump(manifest, f)
    return {"made": sorted(manifest)}


def check(folder):
    with open(os.path.join(folder, "manifest.json")) as f:
        manifest = json.load(f)
    results, ok = {}, True
    for name, entry in sorted(manifest.items()):
        with open(os.path.join(folder, name)) as f:
            keystore = json.load(f)
        recovered = bytes(Account.decrypt(keystore, entry["passphrase"])).hex()
        try:
            Account.decrypt(keystore, entry["passphrase"] + "x")
            refused = False
        except ValueError:
            refused = True
        good = recovered == entry["key"].removeprefix("0x") and refused
        ok = ok and good
        results[name] = {"ok": good, "wrong_passphrase_refused": refused}
    return {"checked": results, "ok": ok}


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("make", "check"):
        print(__doc__, file=sys.stderr)
        return 2
    result = make(sys.argv[2]) if sys.argv[1] == "make" else check(sys.argv[2])
    print(json.dumps(result))
    return 0 if result.get("ok", True) else 1


if __name__ == "__main__":
    sys.exit(main())
