#!/usr/bin/env python3
"""Generates a usage roll-up (docs/FORMATS.md, "Usage roll-ups") for scale measurements:
one row per UTC day, model and caller, as a warehouse query would export it.

Models are power-law distributed (a few take most rows); each day a share of a caller
pool is active, most callers return on later days; every key (day, model, caller) is
written once. Python 3 standard library only.

    bench/gen_rollup.py --rows 10000000 --models 200000 --callers 500000 --days 90 \
        --out /tmp/uptake-scale/rollup.csv
"""
import argparse
import bisect
import itertools
import random
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--models", type=int, default=100_000)
    ap.add_argument("--callers", type=int, default=200_000)
    ap.add_argument("--days", type=int, default=90)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    cum = list(itertools.accumulate(1.0 / (r ** 1.1) for r in range(1, a.models + 1)))
    total = cum[-1]
    callers = ["0x%040x" % rng.getrandbits(160) for _ in range(a.callers)]
    first_day = 20454  # 2026-01-01
    per_day = a.rows // a.days
    written = 0
    t0 = time.time()
    with open(a.out, "w", newline="") as f:
        f.write("day,model_id,caller,calls,failed_calls,verified_calls,fees\n")
        for d in range(a.days):
            y, m, dd = time.gmtime((first_day + d) * 86400)[:3]
            day = "%04d-%02d-%02d" % (y, m, dd)
            n = per_day if d < a.days - 1 else a.rows - written
            seen = set()
            rows = []
            # Callers active that day: a moving window over the pool, so most return.
            lo = rng.randrange(0, max(1, a.callers // 3))
            while len(rows) < n:
                model = bisect.bisect_left(cum, rng.random() * total)
                caller = lo + int(rng.expovariate(1.0) * a.callers / 4) % (a.callers - lo)
                key = (model, caller)
                if key in seen:
                    continue
                seen.add(key)
                calls = 1 + int(rng.expovariate(0.3))
                failed = calls // 10 if rng.random() < 0.2 else 0
                verified = rng.randint(0, calls) if rng.random() < 0.25 else 0
                fees = "%d.%09d" % (calls // 100, rng.randrange(0, 10**9)) if rng.random() < 0.6 else ""
                rows.append("%s,author%d/model-%d,%s,%d,%d,%d,%s\n"
                            % (day, model % 50000, model, callers[caller], calls, failed, verified, fees))
            f.writelines(rows)
            written += n
    print("%d rows in %.1f s" % (written, time.time() - t0))


if __name__ == "__main__":
    main()
