#!/usr/bin/env python3
"""Checks the modules' includes and the host build's links against the
"Who may use whom" table of docs/architecture.md.

Each #include "rivet/X/Y" or <rivet/X/Y> in a module's sources is looked up
in the modules' include folders; the module that owns the header must be the
includer itself or one its row allows. Each link of a CMake target (from the
build's link_graph.txt) must go to an allowed module's target or to an
outside library its row names. Exits 1 naming every offending file:line or
target, 2 when the table cannot be read.
"""
import argparse
import re
import sys
from pathlib import Path

SOURCE_SUFFIXES = {".hpp", ".h", ".cpp", ".cc", ".inc"}
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"](rivet/[^>"]+)[>"]')
# Outside libraries by the names CMake links them under.
LIBRARY_TARGETS = {
    "fmt::fmt": "fmt", "pugixml": "pugixml", "pugixml::pugixml": "pugixml",
    "PkgConfig::LIBELF": "libelf", "PkgConfig::LIBDW": "libdw",
    "nlohmann_json::nlohmann_json": "nlohmann_json", "Threads::Threads": "Threads",
    "yaml-cpp": "yaml-cpp", "yaml-cpp::yaml-cpp": "yaml-cpp", "CLI11::CLI11": "CLI11",
    "OpenSSL::Crypto": "OpenSSL", "PNG::PNG": "libpng", "ZLIB::ZLIB": "zlib",
    "PkgConfig::LIBYAML": "libyaml",
}
# Test and tool executables may link what they test; only libraries are held
# to the table.
TEST_LINKS = ("GTest::", "gtest", "gmock", "benchmark::")


def cells(line):
    return [c.strip() for c in line.strip().strip("|").split("|")]


def names(cell):
    return [n for n in re.findall(r"`([^`]+)`", cell)]


def read_table(doc):
    text = doc.read_text()
    try:
        section = text.split("## Who may use whom", 1)[1].split("\n## ", 1)[0]
    except IndexError:
        sys.exit(f"{doc}: no '## Who may use whom' section")
    rows = {}
    for line in section.splitlines():
        if not line.startswith("| `"):
            continue
        folder, targets, may_use, libraries = cells(line)
        folder = names(folder)[0]
        uses = set(names(may_use))
        if "every `host/` module" in may_use:
            uses |= {"host/*"}
        rows[folder] = {
            "targets": set(names(targets)),
            "uses": uses,
            "libraries": {l.strip() for l in libraries.split(",") if l.strip()},
        }
    if not rows:
        sys.exit(f"{doc}: the table under 'Who may use whom' has no rows")
    return rows


def allowed(rows, user, used):
    if used == user:
        return True
    uses = rows[user]["uses"]
    return used in uses or ("host/*" in uses and used.startswith("host/"))


def module_of(rows, path):
    """The row whose folder is the longest prefix of path."""
    best = None
    for folder in rows:
        if path == folder or path.startswith(folder + "/"):
            if best is None or len(folder) > len(best):
                best = folder
    return best


def is_test(path):
    parts = path.split("/")
    return (any(p in ("test", "compile_fail", "fuzz", "testdata") for p in parts)
            or re.search(r"_(test|fuzz)\.cpp$", path) is not None)


def header_owners(root, rows, header):
    owners = []
    for folder in rows:
        base = root / folder
        candidates = [base / "include" / header]
        if folder == "boards":
            candidates = list(base.glob(f"*/bsp/include/{header}"))
        if any(c.is_file() for c in candidates):
            owners.append(folder)
    # A header under host/probe/fake/include belongs to that row only.
    return owners


def check_includes(root, rows):
    problems = []
    owners_cache = {}
    for folder in rows:
        for path in sorted((root / folder).rglob("*")):
            if path.suffix not in SOURCE_SUFFIXES or not path.is_file():
                continue
            rel = path.relative_to(root).as_posix()
            user = module_of(rows, rel)
            if user != folder or is_test(rel):
                continue
            for number, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
                m = INCLUDE.match(line)
                if not m:
                    continue
                header = m.group(1)
                if header not in owners_cache:
                    owners_cache[header] = header_owners(root, rows, header)
                owners = owners_cache[header]
                if not owners or any(allowed(rows, user, o) for o in owners):
                    continue  # generated at build time, or allowed
                problems.append(f"{rel}:{number}: {user} includes {header} of "
                                f"{' or '.join(owners)}, which it may not use")
    return problems


def check_coverage(root, rows):
    """Every folder with public headers is a module of the table."""
    problems = []
    for include in sorted(root.glob("**/include/rivet")):
        rel = include.relative_to(root).as_posix()
        if rel.startswith(("build", ".")) or "/test" in rel or "/testdata" in rel:
            continue
        if module_of(rows, rel) is None:
            problems.append(f"{rel.removesuffix('/include/rivet')}: a module with public headers "
                            f"that docs/architecture.md does not list")
    return problems


def check_links(rows, graph):
    problems = []
    by_target = {t: folder for folder, row in rows.items() for t in row["targets"]}
    built = {line.split("\t", 1)[0] for line in graph.read_text().splitlines() if "\t" in line}
    for target in sorted(built):
        if target.startswith("rivet_") and target not in by_target:
            problems.append(f"{target}: a library that docs/architecture.md does not list")
    for number, line in enumerate(graph.read_text().splitlines(), 1):
        if "\t" not in line:
            continue
        target, item = line.split("\t", 1)
        user = by_target.get(target)
        if user is None:
            continue  # tests, examples, tools
        if item in by_target:
            if not allowed(rows, user, by_target[item]):
                problems.append(f"{target} ({user}) links {item} ({by_target[item]}), "
                                f"which it may not use")
        elif item in LIBRARY_TARGETS:
            if LIBRARY_TARGETS[item] not in rows[user]["libraries"]:
                problems.append(f"{target} ({user}) links {item}, not among its libraries "
                                f"in docs/architecture.md")
        elif item.startswith("rivet_") or item.startswith("-"):
            continue  # a target of the other build, or a flag
        elif not item.startswith(TEST_LINKS):
            problems.append(f"{target} ({user}) links {item}, which docs/architecture.md "
                            f"does not know")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, required=True)
    parser.add_argument("--link-graph", type=Path)
    args = parser.parse_args()
    rows = read_table(args.root / "docs/architecture.md")
    for folder in rows:
        if not (args.root / folder).is_dir():
            print(f"docs/architecture.md: module folder {folder} does not exist")
            return 2
    problems = check_coverage(args.root, rows) + check_includes(args.root, rows)
    if args.link_graph:
        problems += check_links(rows, args.link_graph)
    for p in problems:
        print(p)
    print(f"{len(rows)} modules, {len(problems)} layering problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
