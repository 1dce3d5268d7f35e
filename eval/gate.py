#!/usr/bin/env python3
"""Quality gates: runs each evaluation in eval/gates.json and fails when a
measured number falls below its gate. Gates may only rise (see doc/quality.md).

Usage: eval/gate.py [NAME ...]     (default: every gate)
Each entry: {"script": "eval/X.sh", "result": "out/eval/X.json",
             "metrics": {"dotted.path.in.json": minimum, ...}}
"""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def lookup(obj, path):
    for part in path.split("."):
        obj = obj[part]
    return obj


def main(names):
    os.chdir(ROOT)
    if not os.path.isdir("../shared/data"):
        print("gate: skipped: ../shared/data not found (the evaluation data lives there)")
        return 0
    with open("eval/gates.json") as fh:
        gates = json.load(fh)
    failed = passed = 0
    for name, gate in gates.items():
        if names and name not in names:
            continue
        print(f"gate {name}: running {gate['script']}", flush=True)
        rc = subprocess.call(["bash", gate["script"]], stdout=subprocess.DEVNULL)
        if rc != 0:
            print(f"gate {name}: FAIL: {gate['script']} exited {rc}")
            failed += 1
            continue
        with open(gate["result"]) as fh:
            result = json.load(fh)
        for path, minimum in gate["metrics"].items():
            value = lookup(result, path)
            ok = value >= minimum
            print(f"gate {name}: {path} = {value:.4f} (gate {minimum:.4f}) {'ok' if ok else 'FAIL'}")
            passed += ok
            failed += not ok
    print(f"gates: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
