"""The measuring half of Scripts/bench-anonymize. Arguments: the lifecourse binary, the work folder, the row count."""
import json
import os
import random
import sys

from benchtools import measured

binary, work, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
adult = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures", "adult")
attributes = ["sex", "age", "race", "marital-status", "education", "native-country", "workclass", "occupation",
              "salary-class"]
with open(os.path.join(adult, "adult.csv"), encoding="utf-8") as handle:
    header, *records = handle.read().splitlines()
# Each value drawn from a different Adult row (the attributes' distributions kept, their combinations new), so that
# most records are unique at the original levels and the search has work to do.
large = os.path.join(work, f"adult-mixed-{count}.csv")
if not os.path.exists(large):
    generator = random.Random(42)
    columns = [record.split(";") for record in records]
    with open(large, "w", encoding="utf-8") as out:
        out.write(header + "\n")
        for _ in range(count):
            out.write(";".join(generator.choice(columns)[i] for i in range(len(attributes))) + "\n")

baseline = """
import duckdb, sys
columns = {name: "VARCHAR" for name in sys.argv[2].split(",")}
names = ", ".join(f'"{name}"' for name in columns)
print(duckdb.sql(f"SELECT count(*) FROM (SELECT {names}, count(*) AS n FROM read_csv('{sys.argv[1]}', delim=';', "
                 f"header=true, columns={columns!r}) GROUP BY ALL)").fetchall()[0][0])
"""
print("| input | run | seconds | peak memory | ratio to the baseline |")
print("|---|---|---|---|---|")
slow = []
for name, path, target in [("Adult, 30,162 rows", os.path.join(adult, "adult.csv"), 1.0),
                           (f"{count:,} rows, each value from another Adult row", large, 10.0)]:
    base_seconds, base_peak, _ = measured([sys.executable, "-c", baseline, path, ",".join(attributes)])
    report = os.path.join(work, "report.json")
    command = [binary, "anonymize-csv", path, "--delimiter", ";", "--k", "5", "--suppression-limit", "0.04",
               "--metric", "entropy", "--output", os.path.join(work, "out.csv"), "--report", report]
    for attribute in attributes:
        command += ["--qi", f"{attribute}={os.path.join(adult, f'adult_hierarchy_{attribute}.csv')}"]
    seconds, peak, _ = measured(command)
    levels = json.load(open(report))["transformation"]
    print(f"| {name} | DuckDB: one GROUP BY of the nine columns (baseline) | {base_seconds:.2f} | {base_peak:,.0f} MB | 1 |")
    print(f"| | lifecourse anonymize-csv (load, search, write) | {seconds:.2f} | {peak:,.0f} MB "
          f"| {seconds / base_seconds:.1f} |")
    print(f"| | levels: {', '.join(f'{a} {levels[a]}' for a in attributes)} | | | |")
    if seconds > target:
        slow.append(f"{name}: {seconds:.2f} s (target {target:.0f} s)")
if slow:
    sys.exit("slower than the target: " + "; ".join(slow))
