"""An independent auditor of a protected statistical table (used by the tests of LifecourseStatistics).

Reads a JSON file: {"cells": [{"value": v, "persons": n, "published": bool}], "equations": [[total, [part, ...]]],
"sensitive": [{"cell": i, "down": d, "up": u}], "threshold": t}. Every published cell is known to an attacker, every
suppressed one is an unknown y >= 0, and the equations (a total is the sum of its parts) hold. For each sensitive
cell the auditor solves two linear programs with scipy's HiGHS — the smallest and the largest value the cell can
take — and checks that the range reaches `down` below its value and `up` above it. It also checks that no
published non-empty cell comes from fewer persons than the threshold. Prints a JSON report; exits 1 on a failure.
"""
import json
import sys

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import lil_matrix

data = json.load(open(sys.argv[1]))
cells = data["cells"]
suppressed = [i for i, cell in enumerate(cells) if not cell["published"]]
variable = {cell: k for k, cell in enumerate(suppressed)}

# Each equation over the unknowns: sum(coefficient * y) = published part.
rows = []
for total, parts in data["equations"]:
    terms = {}
    constant = 0.0
    for cell, sign in [(total, 1.0)] + [(part, -1.0) for part in parts]:
        if cell in variable:
            terms[variable[cell]] = terms.get(variable[cell], 0.0) + sign
        else:
            constant -= sign * cells[cell]["value"]
    terms = {k: v for k, v in terms.items() if v != 0}
    if terms:
        rows.append((terms, constant))

# The unknowns that share an equation form a component; a cell's range depends only on its component.
parent = list(range(len(suppressed)))


def find(k):
    while parent[k] != k:
        parent[k] = parent[parent[k]]
        k = parent[k]
    return k


for terms, _ in rows:
    keys = list(terms)
    for other in keys[1:]:
        parent[find(other)] = find(keys[0])

failures = []
checked = 0
ranges = []
for entry in data["sensitive"]:
    cell, down, up = entry["cell"], entry["down"], entry["up"]
    value = cells[cell]["value"]
    if cell not in variable:
        failures.append({"cell": cell, "problem": "a sensitive cell is published"})
        continue
    root = find(variable[cell])
    members = [k for k in range(len(suppressed)) if find(k) == root]
    index = {k: j for j, k in enumerate(members)}
    mine = [(terms, constant) for terms, constant in rows if find(next(iter(terms))) == root]
    bounds = [(0, None)] * len(members)
    objective = np.zeros(len(members))
    objective[index[variable[cell]]] = 1.0
    if mine:
        a = lil_matrix((len(mine), len(members)))
        b = np.zeros(len(mine))
        for r, (terms, constant) in enumerate(mine):
            for k, coefficient in terms.items():
                a[r, index[k]] = coefficient
            b[r] = constant
        low = linprog(objective, A_eq=a.tocsr(), b_eq=b, bounds=bounds, method="highs")
        high = linprog(-objective, A_eq=a.tocsr(), b_eq=b, bounds=bounds, method="highs")
        if low.status != 0 or high.status not in (0, 3):
            failures.append({"cell": cell, "problem": f"linprog status {low.status}/{high.status}: {low.message}"})
            continue
        lowest = low.fun
        highest = float("inf") if high.status == 3 else -high.fun
    else:
        lowest, highest = 0.0, float("inf")
    checked += 1
    ranges.append([cell, lowest, None if highest == float("inf") else highest])
    if lowest > value - down + 1e-6 or highest < value + up - 1e-6:
        failures.append({"cell": cell, "value": value, "range": [lowest, None if highest == float("inf") else highest],
                         "needed": [value - down, value + up]})

threshold = data["threshold"]
for i, cell in enumerate(cells):
    if cell["published"] and 0 < cell["persons"] < threshold:
        failures.append({"cell": i, "problem": f"published with {cell['persons']} persons"})

print(json.dumps(allow_nan=False, obj={"checked": checked, "failures": failures[:20], "failureCount": len(failures),
                  "ranges": ranges[:5]}))
sys.exit(1 if failures else 0)
