#!/usr/bin/env python3
"""time_walk.py: how long a Python host takes to walk N candidates through seed 000's lifecycle
(discover, foster, register, review, recognise, commend, replicate) through the C API by ctypes.

Each candidate is loaded new into one workflow and takes the 7 steps with exemplar_workflow_step
(command and actor JSON in, event JSON out); with --journal every event is also appended to one
journal (record JSON out). Not a test: it prints the time (docs/performance-c-api.md).

Usage: time_walk.py PATH/TO/libexemplar_c.so [--candidates N] [--journal]
"""
import argparse
import json
import time

from exemplar_ctypes import Exemplar
from walk import PLAN, STEPS


def main():
    parser = argparse.ArgumentParser(description="time a Python host's lifecycle walks through the C API")
    parser.add_argument("library")
    parser.add_argument("--candidates", type=int, default=10_000)
    parser.add_argument("--journal", action="store_true", help="also append every event to a journal")
    args = parser.parse_args()

    lib = Exemplar(args.library)
    flow = lib.workflow(lib.plan(PLAN))
    journal = lib.journal(flow) if args.journal else None
    # What the host sends, as UTF-8 JSON; the discovery names each candidate.
    actors = [json.dumps(actor).encode() for _, actor, _, _ in STEPS]
    dates = [date.encode() for _, _, date, _ in STEPS]
    later = [json.dumps(command, ensure_ascii=False).encode() for command, _, _, _ in STEPS[1:]]

    started, cpu_started = time.perf_counter(), time.process_time()
    for candidate in range(1, args.candidates + 1):
        flow.load(None)
        discover = dict(STEPS[0][0], candidate=candidate)
        commands = [json.dumps(discover, ensure_ascii=False).encode()] + later
        for command, actor, date in zip(commands, actors, dates):
            event = flow.step(command, actor, date)
            if journal is not None:
                journal.append(event)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started

    steps = args.candidates * len(STEPS)
    print(f"{args.candidates} candidates, {steps} steps{' and records' if journal else ''}: "
          f"{elapsed:.2f} s ({cpu:.2f} s of CPU), {elapsed / steps * 1e6:.1f} µs per step "
          f"({cpu / steps * 1e6:.1f} µs of CPU), {steps / elapsed:,.0f} steps/s")
    if journal is not None and journal.sequence() != steps:
        raise SystemExit(f"the journal holds {journal.sequence()} records, expected {steps}")


if __name__ == "__main__":
    main()
