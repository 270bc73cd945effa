"""The measuring half of Scripts/bench-link. Arguments: the lifecourse binary, the work folder, population sizes.
Each size's population is generated once (kept in the work folder); the store is built afresh each time."""
import json
import os
import shutil
import sys

from benchtools import measured

binary, work, sizes = sys.argv[1], sys.argv[2], [int(size) for size in sys.argv[3:]]

rows = []
for persons in sizes:
    population = os.path.join(work, f"population-{persons}")
    kinds = ["claims", "care", "deaths"]
    complete = os.path.join(population, ".complete")
    if not os.path.exists(complete):
        print(f"generating one year for {persons:,} persons", file=sys.stderr)
        shutil.rmtree(population, ignore_errors=True)
        measured([binary, "synth", "--persons", str(persons), "--years", "2024", "--formats", ",".join(kinds),
                  "--out", population])
        open(complete, "w").close()
    store = os.path.join(work, f"store-{persons}")
    shutil.rmtree(store, ignore_errors=True)
    print(f"ingesting {persons:,} persons", file=sys.stderr)
    ingest_seconds, ingest_peak, ingest_out = measured(
        [binary, "ingest"] + [os.path.join(population, kind) for kind in kinds]
        + ["--data", store, "--progress", "never", "--json"])
    records = sum(report.get("receipt", {}).get("unitsAccepted", 0) for report in json.loads(ingest_out))
    print(f"linking {persons:,} persons", file=sys.stderr)
    link_seconds, link_peak, link_out = measured([binary, "link", "--data", store, "--full", "--json", "--timings"],
                                                 show=r"^\s*[0-9.]+ s  ")
    run = json.loads(link_out)
    evaluation = json.loads(measured([binary, "link-eval", "--data", store, "--json", "--truth",
                                      os.path.join(population, "truth")])[2])
    rows.append((persons, records, run, ingest_seconds, ingest_peak, link_seconds, link_peak, evaluation))

print("| persons | source records | identities | ingest (deterministic tier) | link --full (probabilistic tier) "
      "| records linked / min | peak memory of link | MB per 1,000 persons | precision | recall |")
print("|---|---|---|---|---|---|---|---|---|---|")
slowest, failures, per_person = float("inf"), [], []
for persons, records, run, ingest_seconds, ingest_peak, link_seconds, link_peak, evaluation in rows:
    per_minute = records / link_seconds * 60
    slowest = min(slowest, per_minute)
    precision = evaluation["correctPairs"] / max(1, evaluation["predictedPairs"])
    recall = evaluation["correctPairs"] / max(1, evaluation["truePairs"])
    print(f"| {persons:,} | {records:,} | {run['identities']:,} | {ingest_seconds:,.0f} s, {ingest_peak:,.0f} MB "
          f"| {link_seconds:,.1f} s | {per_minute:,.0f} | {link_peak:,.0f} MB | {link_peak / persons * 1000:,.1f} "
          f"| {precision:.4f} | {recall:.4f} |")
    per_person.append((persons, link_peak / persons * 1000))
    if persons <= 100_000 and (precision < 0.999 or recall < 0.995):
        failures.append(f"{persons:,} persons: precision {precision:.4f}, recall {recall:.4f} (target ≥ 0.999 and ≥ 0.995)")
print()
print(f"slowest: {slowest:,.0f} source records linked a minute (target ≥ 1,000,000)")
if slowest < 1_000_000:
    failures.append("the probabilistic pass links fewer than 1,000,000 source records a minute")
# Memory grows linearly: per person, the largest population needs no more than half as much again as the smallest.
(small, small_mb), (large, large_mb) = min(per_person), max(per_person)
if large > small and large_mb > small_mb * 1.5:
    failures.append(f"memory per 1,000 persons grows from {small_mb:.1f} MB ({small:,}) to {large_mb:.1f} MB ({large:,})")
if failures:
    sys.exit("issue 6 targets missed: " + "; ".join(failures))
