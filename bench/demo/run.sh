#!/usr/bin/env bash
# `make demo` from a fresh clone of HEAD (issue 12: at most 90 s with the
# Debian packages installed), timed as a newcomer runs it; prints the
# Markdown section of BENCHMARKS.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q "$root" "$work/rivet"
start=$(date +%s.%N)
if ! (cd "$work/rivet" && make demo >"$work/demo.log" 2>&1); then
    tail -20 "$work/demo.log" >&2
    exit 1
fi
end=$(date +%s.%N)
seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.0f", b - a }')
echo "## First run"
echo
echo "\`bash bench/demo/run.sh\`: \`make demo\` in a fresh clone of HEAD (no ../shared), the packages"
echo "already installed, $(nproc) cores: ${seconds} s from the clone to the last line (the issue asks at"
echo "most 90 s). Most of it is building \`rivet\` (106 host objects); the four firmwares and the runs"
echo "take the rest."
