"""What the report tests share: running five_year_cycle and finding a known exemplar in its output."""
import csv
import io
import json
import subprocess
import sys

# A run small enough for seconds even under the sanitizers, large enough to have exemplars.
RUN = ["--units", "10", "--people", "120", "--seed", "2021"]


def run(program, *args):
    """five_year_cycle's standard output for these arguments; the test fails when it exits non-zero."""
    done = subprocess.run([program, *RUN, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    if done.returncode != 0:
        sys.exit(f"five_year_cycle {' '.join(args)} exited {done.returncode}: {done.stderr.decode(errors='replace')}")
    return done.stdout


def known_exemplar(program, lang):
    """One exemplar of the run, read from the JSON and CSV reports: its id and the reasons in `lang`."""
    report = json.loads(run(program, "--format", "json"))
    ids = [e["candidate"] for e in report.get("exemplars", []) if e["award"] != "public_commendation"]
    if not ids:
        sys.exit("the run has no exemplar to look for")
    rows = list(csv.reader(io.StringIO(run(program, "--format", "csv", "--lang", lang).decode("utf-8-sig"), newline="")))
    why = {int(row[0]): row[-1] for row in rows[1:]}
    return ids[0], why[ids[0]]
