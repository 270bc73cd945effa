"""The measuring half of Scripts/bench-ingest: runs the baseline and lifecourse under /usr/bin/time -v and prints
one table. Arguments: the lifecourse binary and the work folder (with synthetic/claims)."""
import os
import re
import sys

from benchtools import measured

binary, work = sys.argv[1], sys.argv[2]
claims_dir = os.path.join(work, "synthetic", "claims")
files = sorted(os.path.join(root, name) for root, _, names in os.walk(claims_dir) for name in names)
total_bytes = sum(os.path.getsize(path) for path in files)

# The baseline's input, prepared outside the measurement: every line converted to UTF-8, in one file.
lines_path = os.path.join(work, "lines.csv")
claims = 0
widest = 0
with open(lines_path, "w", encoding="utf-8") as out:
    for path in files:
        with open(path, "rb") as handle:
            text = handle.read().decode("cp932").replace("\x1a", "")
        for line in text.split("\r\n"):
            if not line:
                continue
            if line.startswith("RE,"):
                claims += 1
            widest = max(widest, line.count(",") + 1)
            out.write(line + "\n")

# Both sides start empty, so that the script can be run again on the same folder.
for leftover in [os.path.join(work, "baseline.duckdb"), os.path.join(work, "baseline.duckdb.wal")]:
    if os.path.exists(leftover):
        os.remove(leftover)
if os.path.exists(os.path.join(work, "store")):
    import shutil
    shutil.rmtree(os.path.join(work, "store"))

baseline = f"""
import duckdb
con = duckdb.connect({os.path.join(work, "baseline.duckdb")!r})
con.execute("SET enable_progress_bar = false")
columns = {{f"c{{i}}": "VARCHAR" for i in range({widest})}}
con.execute("CREATE TABLE lines AS SELECT * FROM read_csv(?, header=false, delim=',', quote='', escape='', "
            "null_padding=true, auto_detect=false, columns=?)", [{lines_path!r}, columns])
print(con.execute("SELECT count(*) FROM lines").fetchone()[0])
"""


duck_seconds, duck_peak, duck_out = measured([sys.executable, "-c", baseline])
ours_seconds, ours_peak, ours_out = measured(
    [binary, "ingest", claims_dir, "--data", os.path.join(work, "store"), "--progress", "never"])
accepted = sum(int(m) for m in re.findall(r": (\d+) claims accepted", ours_out))
quarantined = sum(int(m) for m in re.findall(r"accepted, (\d+) quarantined", ours_out))

mb = total_bytes / 1e6
print(f"{len(files)} claims files, {mb:,.0f} MB (CP932), {claims:,} claims, {int(duck_out.strip().splitlines()[-1]):,} lines")
print(f"lifecourse accepted {accepted:,} claims, quarantined {quarantined:,}")
print()
print("| run | seconds | MB/s | claims/s | peak memory |")
print("|---|---|---|---|---|")
print(f"| DuckDB read_csv of the same lines in UTF-8 (baseline) | {duck_seconds:.1f} | {mb / duck_seconds:,.1f} | "
      f"{claims / duck_seconds:,.0f} | {duck_peak:,.0f} MB |")
print(f"| lifecourse ingest (decode, parse, link, store) | {ours_seconds:.1f} | {mb / ours_seconds:,.1f} | "
      f"{claims / ours_seconds:,.0f} | {ours_peak:,.0f} MB |")
print()
ratio = ours_seconds / duck_seconds
print(f"ratio lifecourse / DuckDB: {ratio:.2f} (target ≤ 2.00); peak memory {ours_peak:,.0f} MB (target < 500 MB)")
if ratio > 2 or ours_peak >= 500 or quarantined > 0:
    sys.exit("the ingest misses its target (issue 4: at most 2× DuckDB's time, under 500 MB, nothing quarantined)")
