#!/usr/bin/env python3
"""Independent check of SS-MIX2 files: decode ISO-2022-JP and parse every message with the `hl7` package
(PyPI), a parser this project does not share code with. Prints one line per problem; exits 1 if any."""
import os
import sys

import hl7

EXPECTED = {"ADT-00": "ADT^A08", "ADT-12": "ADT^A04", "ADT-22": "ADT^A01", "ADT-52": "ADT^A03",
            "PPR-01": "PPR^ZD1", "OMP-01": "RDE^O11", "OML-11": "OUL^R22"}

problems = 0
checked = 0
for root, _, files in os.walk(sys.argv[1]):
    for name in files:
        path = os.path.join(root, name)
        data_type = name.split("_")[2]
        try:
            message = hl7.parse(open(path, "rb").read().decode("iso2022_jp"))
            kind = str(message.segment("MSH")[9])
            if not kind.startswith(EXPECTED[data_type]):
                raise ValueError(f"MSH-9 is {kind}, expected {EXPECTED[data_type]}")
            if str(message.segment("PID")[3][0][0]) != name.split("_")[0]:
                raise ValueError("PID-3 is not the patient ID of the file name")
            checked += 1
        except Exception as error:  # report and go on
            problems += 1
            print(f"{path}: {error}")
print(f"{checked} messages parsed, {problems} problems")
sys.exit(1 if problems or not checked else 0)
