#!/usr/bin/env python3
"""Writes raw_calls.csv: the raw-calls fixture of the warehouse tests (tst_rollup and
postgres_bridge.sh). Deterministic; run it again only to change the fixture on purpose.

What it holds, on purpose: several models with a long tail; callers seen on several UTC
days; EVM addresses written in mixed case (one caller for Uptake); ids that differ only
in case (two callers); blanks around callers, model ids and event ids; duplicated
event_ids (re-deliveries, the first copy is the earliest); calls without an event_id;
times with offsets that cross UTC midnight; errors; tee/zkml in words, any case, and the
SDK's numbers; fees with 9 and more fractional digits, exact halves included.
"""
import random

rng = random.Random(20260301)

models = ["lab/alpha", "lab/beta", "og/volatility-forecast", "og/risk-score", "acme/tiny-llm", "acme/vision-v2"]
model_weights = [40, 25, 15, 10, 7, 3]

def evm():
    return "0x" + "".join(rng.choice("0123456789abcdef") for _ in range(40))

def mixed_case(addr):
    return "0x" + "".join(c.upper() if c.isalpha() and rng.random() < 0.5 else c for c in addr[2:])

evms = [evm() for _ in range(14)]
others = ["agent-7", "Agent-7", "svc:pricing", "user_1042", "bot-alpha", "team@example.org", "  padded-caller ", "42"]

def caller():
    if rng.random() < 0.7:
        a = rng.choice(evms)
        r = rng.random()
        if r < 0.3:
            return a.upper().replace("0X", "0x")
        if r < 0.5:
            return mixed_case(a)
        if r < 0.55:
            return "0X" + a[2:]
        if r < 0.6:
            return " " + a + " "
        return a
    return rng.choice(others)

offsets = ["Z", "Z", "Z", "+00:00", "+02:00", "-05:00", "+05:30", "-11:00", "+14:00"]

def timestamp():
    day = rng.randint(0, 13)  # 2026-02-24 .. 2026-03-09 local
    h, m, s = rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)
    d = 24 + day
    month, dd = (2, d) if d <= 28 else (3, d - 28)
    off = rng.choice(offsets)
    sep = "T" if rng.random() < 0.85 else " "
    frac = ".250" if rng.random() < 0.05 else ""
    if off == "Z" and rng.random() < 0.1:
        off = ""  # no offset: UTC
    return f"2026-{month:02d}-{dd:02d}{sep}{h:02d}:{m:02d}:{s:02d}{frac}{off}"

modes = ["vanilla"] * 10 + ["", "", "tee", "TEE", "Tee", "zkml", "ZKML", "1", "2", "0", "Vanilla"]
statuses = ["ok"] * 12 + ["", "", "error", "ERROR", "Error"]
fees = ["", "0", "0.0025", "0.001", "0.000000001", "12.345678901", "0.0000000025", "0.0000000015",
        "1.2345678905", "0.12345678949", "123456.123456789", "7", "0.5", "3.000000000"]

rows = []
for i in range(360):
    eid = "" if rng.random() < 0.1 else "0x" + "".join(rng.choice("0123456789abcdef") for _ in range(64))
    model = rng.choices(models, model_weights)[0]
    if rng.random() < 0.03:
        model = " " + model + " "
    rows.append([eid, timestamp(), model, caller(), rng.choice(modes), rng.choice(statuses), rng.choice(fees)])

# Re-deliveries: the same event again later in the file, sometimes with blanks around its id.
for _ in range(24):
    src = rng.choice([r for r in rows if r[0]])
    dup = list(src)
    if rng.random() < 0.3:
        dup[0] = " " + dup[0] + " "
    rows.insert(rng.randint(rows.index(src) + 1, len(rows)), dup)

with open("raw_calls.csv", "w", newline="") as f:
    f.write("event_id,timestamp,model_id,caller,mode,status,fee\n")
    for r in rows:
        f.write(",".join(r) + "\n")
print(len(rows), "rows")
