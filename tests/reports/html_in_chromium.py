#!/usr/bin/env python3
"""five_year_cycle --format html, opened in headless Chromium (Debian's `chromium`).

Checks that the page fetches nothing, renders without a console message or a script error, that
its charts have their bars, that the table sorts, and that a known exemplar's reasons are on the
page; and takes a screenshot (report.<lang>.png next to the page) that must be a real PNG.

Exits 77 (ctest's SKIP_RETURN_CODE) when no Chromium is installed; build.sh installs it.
"""
import argparse
import html.parser
import os
import pathlib
import re
import shutil
import subprocess
import sys

from report_common import known_exemplar, run

CHARTS = ("gantt", "funnel", "units")


class Page(html.parser.HTMLParser):
    """What the test reads from the DOM Chromium dumps."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = {}
        self.body = {}
        self.chart = None
        self.bars = {c: 0 for c in CHARTS}
        self.text = []
        self.rows = {}  # exemplar id -> the row's text
        self.row = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.root = attrs
        elif tag == "body":
            self.body = attrs
        elif tag == "svg" and attrs.get("id") in CHARTS:
            self.chart = attrs["id"]
        elif tag == "rect" and self.chart and "bar" in (attrs.get("class") or "").split():
            self.bars[self.chart] += 1
        elif tag == "tr":
            self.row = []
        elif tag == "td" and self.row is not None and not self.row and attrs.get("data-value"):
            self.row.append(attrs["data-value"])

    def handle_endtag(self, tag):
        if tag == "svg":
            self.chart = None
        elif tag == "tr" and self.row:
            self.rows[int(self.row[0])] = " ".join(self.row[1:])
            self.row = None

    def handle_data(self, data):
        self.text.append(data)
        if self.row:
            self.row.append(data)


def chromium(binary, profile, *args):
    """Runs headless Chromium; its standard output and its log (standard error)."""
    command = [binary, "--headless=new", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
               "--disable-extensions", "--disable-background-networking", "--disable-sync",
               "--disable-component-update", "--mute-audio", f"--user-data-dir={profile}",
               "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000", *args]
    # Chromium's sandbox needs user namespaces or a setuid helper, which root and most containers
    # lack; the page is our own file, so the test runs it without.
    command.insert(1, "--no-sandbox")
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=90)
    log = done.stderr.decode(errors="replace")
    if done.returncode != 0:
        sys.exit(f"chromium exited {done.returncode}:\n{log}")
    return done.stdout.decode("utf-8", errors="replace"), log


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--program", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--lang", choices=("vi", "en"), required=True)
    parser.add_argument("--chromium", default="")
    args = parser.parse_args()
    binary = args.chromium or shutil.which("chromium") or shutil.which("chromium-browser")
    if not binary:
        print("no chromium installed (./build.sh installs Debian's chromium): skipped")
        sys.exit(77)
    work = pathlib.Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    profile = work / f"chromium-profile-{args.lang}"
    shutil.rmtree(profile, ignore_errors=True)

    text = run(args.program, "--format", "html", "--lang", args.lang).decode("utf-8")
    page = work / f"report.{args.lang}.html"
    page.write_text(text, encoding="utf-8")

    # Self-contained: nothing that names another resource; the only address is SVG's namespace.
    addresses = set(re.findall(r"https?://[^\s\"'<>]+", text)) - {"http://www.w3.org/2000/svg"}
    if addresses:
        sys.exit(f"{page} names addresses: {sorted(addresses)}")
    for pattern in (r"<(script|img|iframe|link|object|embed)[^>]*\s(src|href|data)=", r"@import", r"url\("):
        if re.search(pattern, text, re.IGNORECASE):
            sys.exit(f"{page} loads something from elsewhere ({pattern})")
    if f'<html lang="{args.lang}">' not in text:
        sys.exit(f"{page} does not say it is in {args.lang}")

    url = page.resolve().as_uri()
    dom, log = chromium(binary, profile, "--dump-dom", url + "#selftest")
    problems = []
    console = [line for line in log.splitlines() if ":CONSOLE" in line]
    if console:
        problems.append("console messages:\n  " + "\n  ".join(console))
    parsed = Page()
    parsed.feed(dom)
    if "data-errors" in parsed.root:
        problems.append("script errors recorded on the page: " + parsed.root["data-errors"])
    if parsed.body.get("data-ready") != "1":
        problems.append("the page's script did not run to its end (no data-ready on <body>)")
    if parsed.body.get("data-selftest") != "ok":
        problems.append("sorting the table: " + str(parsed.body.get("data-selftest")))
    for chart, count in parsed.bars.items():
        if count == 0:
            problems.append(f"chart {chart} has no bars")
    exemplar, why = known_exemplar(args.program, args.lang)
    if exemplar not in parsed.rows:
        problems.append(f"exemplar {exemplar} is not in the table")
    elif why and why not in parsed.rows[exemplar]:
        problems.append(f"exemplar {exemplar}'s reasons are not in its row: {why!r} / {parsed.rows[exemplar]!r}")
    if args.lang == "vi" and "Điển hình tiên tiến của giai đoạn" not in "".join(parsed.text):
        problems.append("the Vietnamese headings are missing")

    shot = work / f"report.{args.lang}.png"
    shot.unlink(missing_ok=True)
    _, log = chromium(binary, profile, f"--screenshot={shot}", "--window-size=1280,2400", "--hide-scrollbars", url)
    console = [line for line in log.splitlines() if ":CONSOLE" in line]
    if console:
        problems.append("console messages while taking the screenshot:\n  " + "\n  ".join(console))
    if not shot.exists() or not shot.read_bytes().startswith(b"\x89PNG\r\n\x1a\n") or shot.stat().st_size < 20000:
        problems.append(f"no screenshot worth the name at {shot}")

    if problems:
        sys.exit(f"{page}:\n" + "\n".join(problems))
    print(f"{page}: bars " + ", ".join(f"{c} {n}" for c, n in parsed.bars.items()) +
          f"; exemplar {exemplar} found; screenshot {shot} ({shot.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
