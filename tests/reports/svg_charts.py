#!/usr/bin/env python3
"""five_year_cycle --format svg: one SVG document that parses as XML, whose Gantt chart has a bar per
milestone, whose funnel has a bar per stage and year, and whose units chart has two bars per unit;
rasterised with rsvg-convert when it is installed, so an SVG that librsvg rejects fails too."""
import argparse
import json
import pathlib
import subprocess
import sys
import xml.etree.ElementTree as ET

from report_common import run

SVG = "{http://www.w3.org/2000/svg}"


def bars(chart):
    return [r for r in chart.iter(SVG + "rect") if r.get("class") == "bar"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--program", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--rsvg", default="")
    args = parser.parse_args()
    work = pathlib.Path(args.work)
    work.mkdir(parents=True, exist_ok=True)

    report = json.loads(run(args.program, "--format", "json"))
    for lang in ("vi", "en"):
        text = run(args.program, "--format", "svg", "--lang", lang)
        path = work / f"charts.{lang}.svg"
        path.write_bytes(text)
        root = ET.fromstring(text)  # raises, and fails the test, on malformed XML
        charts = {svg.get("id"): svg for svg in root.iter(SVG + "svg") if svg.get("id")}
        expected = {
            "gantt": len(report["milestones"]),
            "funnel": 7 * len({row["year"] for row in report["funnel"]}),
            "units": 2 * report["units"],
        }
        for chart, count in expected.items():
            if chart not in charts:
                sys.exit(f"{path}: no <svg id='{chart}'>")
            found = len(bars(charts[chart]))
            if found != count:
                sys.exit(f"{path}: chart {chart} has {found} bars, not {count}")
            untitled = [b for b in bars(charts[chart]) if b.find(SVG + "title") is None]
            if untitled:
                sys.exit(f"{path}: chart {chart} has {len(untitled)} bars without a <title>")
        if lang == "vi" and "Lộ trình" not in text.decode("utf-8"):
            sys.exit(f"{path}: the Vietnamese chart titles are missing")
        if args.rsvg:
            png = work / f"charts.{lang}.png"
            done = subprocess.run([args.rsvg, "--format", "png", "--output", str(png), str(path)],
                                  stderr=subprocess.PIPE, timeout=60)
            if done.returncode != 0 or not png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n"):
                sys.exit(f"rsvg-convert could not render {path}: {done.stderr.decode(errors='replace')}")
        print(f"{path}: " + ", ".join(f"{c} {n} bars" for c, n in expected.items()))


if __name__ == "__main__":
    main()
