#!/usr/bin/env python3
"""Generates benchmark inputs for `uptake import`: a catalogue CSV and a usage CSV.

Usage is power-law distributed over models (Zipf-like, a few models take most calls)
and over callers; timestamps are spread over the last DAYS days; every call has its
own event id, like a chain transaction hash. Python 3 standard library only.

    bench/gen_import_data.py --models 1000000 --calls 5000000 --callers 200000 \
        --days 90 --out /tmp/uptake-bench
"""
import argparse
import itertools
import os
import random
import time

TASKS = ["text-generation", "text-classification", "image-classification", "time-series-forecasting",
         "tabular-regression", "tabular-classification", "Risk Assessment", "Volatility Forecasting",
         "translation", "summarization", "object-detection", "feature-extraction"]
FRAMEWORKS = ["transformers", "onnx", "pytorch", "safetensors", "gguf", "sklearn", ""]
LICENSES = ["mit", "apache-2.0", "other", "cc-by-4.0", ""]
MODES = ["vanilla"] * 14 + ["tee"] * 3 + ["zkml", "1", "2"]


def power_law_weights(n, exponent):
    return list(itertools.accumulate(1.0 / (rank ** exponent) for rank in range(1, n + 1)))


def model_id(i):
    return "author%d/model-%d" % (i % 50000, i)


def write_catalogue(path, models, rng):
    start = int(time.mktime((2022, 1, 1, 0, 0, 0, 0, 0, 0)))
    with open(path, "w", newline="") as f:
        f.write("model_id,author,name,task,framework,license,tags,created_at,updated_at,versions,files,downloads,likes,description\n")
        rows = []
        for i in range(models):
            created = start + rng.randrange(0, 4 * 365 * 86400)
            desc = "" if i % 3 else '"A model, number %d, with ""quotes"""' % i
            rows.append("%s,author%d,model-%d,%s,%s,%s,%s,%d,%d,%d,%d,%d,%d,%s\n" % (
                model_id(i), i % 50000, i, TASKS[i % len(TASKS)], FRAMEWORKS[i % len(FRAMEWORKS)],
                LICENSES[i % len(LICENSES)], "tag%d;tag%d" % (i % 97, i % 13), created,
                created + rng.randrange(0, 90 * 86400), 1 + i % 5, 1 + i % 9, rng.randrange(0, 100000),
                rng.randrange(0, 500), desc))
            if len(rows) >= 100000:
                f.writelines(rows)
                rows.clear()
        f.writelines(rows)


def write_usage(path, models, calls, callers, days, rng):
    model_cum = power_law_weights(models, 1.1)
    caller_cum = power_law_weights(callers, 0.8)
    caller_ids = []
    for c in range(callers):
        if c % 4 == 3:
            caller_ids.append("agent-%d" % c)
        else:
            address = "0x%040x" % rng.getrandbits(160)
            caller_ids.append(address.upper().replace("0X", "0x") if c % 7 == 0 else address)
    end = int(time.time()) // 86400 * 86400
    begin = end - days * 86400
    with open(path, "w", newline="") as f:
        f.write("timestamp,model_id,caller,event_id,mode,fee,status\n")
        done = 0
        while done < calls:
            n = min(200000, calls - done)
            ms = rng.choices(range(models), cum_weights=model_cum, k=n)
            cs = rng.choices(range(callers), cum_weights=caller_cum, k=n)
            rows = []
            for k in range(n):
                ts = begin + rng.randrange(0, days * 86400)
                fee = "0.%06d" % rng.randrange(0, 1000000) if k % 5 else ""
                rows.append("%d,%s,%s,0x%064x,%s,%s,%s\n" % (
                    ts, model_id(ms[k]), caller_ids[cs[k]], rng.getrandbits(256), MODES[k % len(MODES)], fee,
                    "error" if k % 50 == 0 else "ok"))
            f.writelines(rows)
            done += n


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--models", type=int, default=1000000)
    ap.add_argument("--calls", type=int, default=5000000)
    ap.add_argument("--callers", type=int, default=200000)
    ap.add_argument("--days", type=int, default=90)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default=".")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    rng = random.Random(a.seed)
    write_catalogue(os.path.join(a.out, "catalogue.csv"), a.models, rng)
    write_usage(os.path.join(a.out, "usage.csv"), a.models, a.calls, a.callers, a.days, rng)


if __name__ == "__main__":
    main()
