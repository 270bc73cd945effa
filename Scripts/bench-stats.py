"""The measuring half of Scripts/bench-stats. Arguments: the lifecourse binary, the work folder, the persons."""
import os
import re
import subprocess
import sys

from benchtools import measured

binary, work, persons = sys.argv[1], sys.argv[2], int(sys.argv[3])
store = os.environ.get("BENCH_STORE")
if not store:
    population = os.path.join(work, f"population-{persons}")
    store = os.path.join(work, f"store-{persons}")
    if not os.path.exists(os.path.join(store, ".complete")):
        kinds = ["claims", "care", "checkups"]
        print(f"generating and ingesting one year for {persons:,} persons", file=sys.stderr)
        subprocess.run(["rm", "-rf", population, store], check=True)
        measured([binary, "synth", "--persons", str(persons), "--years", "2024", "--formats", ",".join(kinds),
                  "--out", population])
        measured([binary, "ingest"] + [os.path.join(population, kind) for kind in kinds]
                 + ["--data", store, "--progress", "never"])
        open(os.path.join(store, ".complete"), "w").close()

names = ["prescription-volume", "patients-by-hba1c", "care-needs", "lab-distribution", "persons-treated"]
# The store opened once first, so that a migration (schema v14 indexes claims by institution) is not timed.
measured([binary, "stats", "--built-in", "care-needs", "--year", "2024", "--data", store,
          "--output", os.path.join(work, "warm-up")])

print("| table | cells | suppressed (small + complementary) | sqlite3 on the SQL (baseline) | lifecourse stats | ratio | peak memory |")
print("|---|---|---|---|---|---|---|")
for name in names:
    sql = subprocess.run([binary, "stats", "--built-in", name, "--year", "2024", "--sql"], capture_output=True,
                         text=True, check=True).stdout
    header, query = sql.split("\n", 1)
    for argument in header.split("arguments in order: ")[1].split(", "):
        query = query.replace("?", "'" + argument.replace("'", "''") + "'", 1)
    script = os.path.join(work, f"{name}.sql")
    with open(script, "w") as out:
        out.write(f"ATTACH '{os.path.join(store, 'research.sqlite')}' AS research;\n.output /dev/null\n{query}\n")
    base_seconds, _, _ = measured(["sh", "-c", f"sqlite3 :memory: < {script}"])
    seconds, peak, out = measured([binary, "stats", "--built-in", name, "--year", "2024", "--data", store,
                                   "--output", os.path.join(work, "tables")])
    match = re.search(r": (\d+) cells, (\d+) suppressed as small, (\d+) to protect them", out)
    cells, small, complementary = (int(g) for g in match.groups())
    print(f"| {name} | {cells:,} | {small:,} + {complementary:,} | {base_seconds:.1f} s | {seconds:.1f} s | "
          f"{seconds / base_seconds:.2f} | {peak:,.0f} MB |", flush=True)
