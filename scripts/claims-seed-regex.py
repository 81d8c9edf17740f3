#!/usr/bin/env python3
"""The seed article's resume analyzer, reduced to what it measured: its three regexes, applied with Python's
re (case-insensitive) over a whole corpus file. Peer for `perfnb claims bench` in docs/benchmarks.md."""
import re
import sys
import time

PATTERNS = [
    r"optimiz(?:ed|ing)\s+(\w+)\s+by\s+(\d+)%",
    r"reduced\s+(\w+)\s+from\s+(\d+\.?\d*)\s*(\w+)\s+to\s+(\d+\.?\d*)\s*(\w+)",
    r"improved\s+(\w+)\s+throughput\s+by\s+(\d+)x",
]


def main() -> int:
    if len(sys.argv) < 2:
        print("usage: claims-seed-regex.py CORPUS [ROUNDS]", file=sys.stderr)
        return 2
    path = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    with open(path, encoding="utf-8") as f:
        text = f.read()
    bullets = text.count("\n")
    compiled = [re.compile(p, re.IGNORECASE) for p in PATTERNS]
    best = float("inf")
    matches = 0
    for _ in range(rounds + 1):  # the first round warms up like the .NET side
        start = time.perf_counter()
        matches = sum(1 for p in compiled for _ in p.finditer(text))
        best = min(best, time.perf_counter() - start)
    print(f"seed 3 regexes (Python re): {bullets / best:,.0f} bullets/s ({best * 1000:.0f} ms), matches {matches:,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
