#!/usr/bin/env python3
"""Checks one page of the user guide (docs/guide/*.md): every relative link
points at a file that exists, and every ```sh block runs and exits as the
page says, from the repository root against the built tree.

    check_guide.py PAGE.md --root REPO --rivet PATH/TO/rivet

Each block runs in `bash -e -o pipefail` with stdin from /dev/null and the
folder of the `rivet` given first on PATH, so the page's `rivet ...` is the
one just built. A block starts in the folder the previous block of the page
ended in (the first in the repository root), so `cd` carries over; shell
variables do not. A comment on the line before a block's fence changes
what is expected of it (docs/guide/README.md, "Checked pages"):

    <!-- guide: skip (needs hardware) -->   not run; the reason is required
    <!-- guide: exit 101 -->                must exit with 101, not 0
    <!-- guide: timeout 300 -->             seconds before it fails (default 120)

Markers combine: <!-- guide: exit 64; timeout 10 -->. Exit code: 0 when
every block and link is as the page says, 1 otherwise (each failure is
printed with the page's line number), 2 for a bad command line or marker.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

FENCE = re.compile(r"^(\s*)```(\S*)\s*$")
MARKER = re.compile(r"^\s*<!--\s*guide:\s*(.*?)\s*-->\s*$")
LINK = re.compile(r"\]\(([^)\s]+)\)")
DEFAULT_TIMEOUT = 120


class PageError(Exception):
    pass


def parse_marker(text, line):
    """The expectations of one marker comment, as a dict."""
    out = {}
    # Parts are separated by ';', which a skip's reason in brackets may hold.
    parts = re.findall(r"(skip\s*\([^)]*\)|[^;]+)\s*(?:;|$)", text)
    for part in filter(None, (p.strip() for p in parts)):
        if m := re.fullmatch(r"skip\s*\((.+)\)", part):
            out["skip"] = m.group(1)
        elif m := re.fullmatch(r"exit\s+(\d+)", part):
            out["exit"] = int(m.group(1))
        elif m := re.fullmatch(r"timeout\s+(\d+)", part):
            out["timeout"] = int(m.group(1))
        else:
            raise PageError(
                f"line {line}: unknown guide marker '{part}' "
                "(known: skip (REASON), exit N, timeout SECONDS)")
    return out


def blocks(lines):
    """(first line number, language, code, marker dict) of each fenced block."""
    marker, i = {}, 0
    while i < len(lines):
        line = lines[i]
        if m := MARKER.match(line):
            marker = parse_marker(m.group(1), i + 1)
            i += 1
            continue
        fence = FENCE.match(line)
        if not fence:
            if line.strip():
                marker = {}  # a marker applies only to the block right after it
            i += 1
            continue
        indent, language, start = fence.group(1), fence.group(2), i + 1
        code = []
        i += 1
        while i < len(lines) and not re.match(r"^\s*```\s*$", lines[i]):
            code.append(lines[i][len(indent):] if lines[i].startswith(indent) else lines[i])
            i += 1
        if i == len(lines):
            raise PageError(f"line {start}: the block is never closed")
        yield start, language, "\n".join(code) + "\n", marker
        marker = {}
        i += 1


def check_links(page, text):
    """Relative links whose file does not exist."""
    folder = os.path.dirname(page)
    bad = []
    for number, line in enumerate(text.splitlines(), 1):
        for target in LINK.findall(line):
            if re.match(r"^[a-z]+:", target) or target.startswith("#"):
                continue
            path = os.path.normpath(os.path.join(folder, target.split("#")[0]))
            if not os.path.exists(path):
                bad.append(f"line {number}: link to {target}: no such file ({path})")
    return bad


def run_block(code, cwd, env, timeout):
    """(exit code, output, folder it ended in)."""
    with tempfile.NamedTemporaryFile("r", suffix=".pwd") as where:
        script = f"trap 'pwd > {where.name}' EXIT\n{code}"
        try:
            done = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", script], cwd=cwd, env=env,
                                  stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, timeout=timeout)
        except subprocess.TimeoutExpired as e:
            output = (e.output or b"").decode(errors="replace")
            return None, output, cwd
        ended = where.read().strip() or cwd
        return done.returncode, done.stdout.decode(errors="replace"), ended


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("page")
    parser.add_argument("--root", required=True, help="the repository root")
    parser.add_argument("--rivet", required=True, help="the rivet executable to put on PATH")
    args = parser.parse_args()

    page = os.path.abspath(args.page)
    with open(page, encoding="utf-8") as f:
        text = f.read()
    env = dict(os.environ)
    env["PATH"] = os.path.dirname(os.path.abspath(args.rivet)) + os.pathsep + env.get("PATH", "")
    env.pop("NO_COLOR", None)

    failures = check_links(page, text)
    ran = skipped = 0
    cwd = os.path.abspath(args.root)
    try:
        found = list(blocks(text.splitlines()))
    except PageError as e:
        print(f"{args.page}: {e}")
        return 2
    for line, language, code, marker in found:
        if language != "sh":
            continue
        if "skip" in marker:
            skipped += 1
            print(f"skip: line {line} ({marker['skip']})")
            continue
        want = marker.get("exit", 0)
        timeout = marker.get("timeout", DEFAULT_TIMEOUT)
        code_got, output, cwd = run_block(code, cwd, env, timeout)
        ran += 1
        first = code.strip().splitlines()[0] if code.strip() else ""
        if code_got is None:
            failures.append(f"line {line}: `{first}` did not finish within {timeout} s\n{output}")
        elif code_got != want:
            failures.append(f"line {line}: `{first}` exited {code_got}, the page says {want}\n"
                            f"{output}")
        else:
            print(f"ok: line {line}: `{first}` (exit {code_got})")
    for failure in failures:
        print(f"FAIL: {args.page}: {failure}")
    print(f"{args.page}: {ran} blocks run, {skipped} skipped, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
