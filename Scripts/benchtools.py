"""What the benchmark scripts share."""
import re
import subprocess
import sys


def measured(command, show=None):
    """Runs a command under /usr/bin/time -v; returns (seconds, peak MB, stdout). Exits when it fails. Lines of its
    standard error that match the regular expression `show` are printed to ours (a command's own step timings)."""
    result = subprocess.run(["/usr/bin/time", "-v"] + command, capture_output=True, text=True)
    if show:
        for line in result.stderr.splitlines():
            if re.search(show, line):
                print("  " + line.strip(), file=sys.stderr)
    if result.returncode != 0:
        sys.exit(f"{command[:2]} failed ({result.returncode}):\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    clock = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", result.stderr).group(1)
    seconds = 0.0
    for part in clock.split(":"):
        seconds = seconds * 60 + float(part)
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1)) / 1024
    return seconds, peak, result.stdout
