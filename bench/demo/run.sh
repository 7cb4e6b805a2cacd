#!/usr/bin/env bash
# `make demo` from a fresh clone of HEAD (issue 12: at most 90 s with the
# Debian packages installed), timed as a newcomer runs it; prints the
# Markdown section of BENCHMARKS.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q "$root" "$work/rivet"
# Wall time from the clone to the demo's last line, and the CPU time of
# everything make ran (on a loaded machine the wall time grows, the CPU
# time much less).
if ! (cd "$work/rivet" && CCACHE_DISABLE=1 /usr/bin/time -f "%e %U %S" -o "$work/time" make demo >"$work/demo.log" 2>&1); then
    tail -20 "$work/demo.log" >&2
    exit 1
fi
read -r wall user sys <"$work/time"
cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.0f", u + s }')
wall=$(awk -v w="$wall" 'BEGIN { printf "%.0f", w }')
load=$(cut -d' ' -f1-3 /proc/loadavg)
echo "## First run"
echo
echo "\`bash bench/demo/run.sh\`: \`make demo\` in a fresh clone of HEAD (no ../shared), the packages"
echo "already installed, $(nproc) cores: **${wall} s** from the clone to the last line (the issue asks at"
echo "most 90 s), ${cpu} s of CPU time (load average at the end: ${load}). The demo builds"
echo "into build/demo: \`rivet\` and \`rivet-fontgen\` without optimisation or debug information and"
echo "each module as one compile (CMake's unity build; the same unity build optimised and with debug"
echo "information, as \`make test\` builds rivet, took 249 s of CPU on 2026-12-06), then the four"
echo "firmwares it runs."
