#!/usr/bin/env bash
# `make test` from a fresh clone of HEAD without ../shared, as CI runs it
# (issue 17 item 5); prints the Markdown section of BENCHMARKS.md: the whole
# time, each build's span (from its ninja log) and each suite's time by CTest
# label. Takes about a quarter of an hour on 2 cores.
#   run.sh [CLONE]   CLONE: a clone where this already ran (make-test.log and
#                    time beside it), to print the section again without rerunning
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
if [[ $# -ge 1 ]]; then
    clone=$1
else
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    clone=$work/rivet
    git clone -q "$root" "$clone"
    if ! (cd "$clone" && CCACHE_DISABLE=1 /usr/bin/time -f "%e %U %S" -o "$clone/../time" \
            make test >"$clone/../make-test.log" 2>&1); then
        tail -20 "$clone/../make-test.log" >&2
        exit 1
    fi
fi
log=$clone/../make-test.log
read -r wall user sys <"$clone/../time"
span() {  # seconds from the first step's start to the last step's end in a ninja log
    awk -F'\t' '!/^#/ { if (min == "" || $1 < min) min = $1; if ($2 > max) max = $2 }
                END { printf "%.0f", (max - min) / 1000 }' "$clone/$1/.ninja_log"
}
# The n-th ctest run's total and its label lines ("label = 12.34 sec*proc (5 tests)").
suite() {
    awk -v n="$1" '/^Label Time Summary:/ { k++; on = (k == n); next }
        on && /sec\*proc/ { sub(/^ +/, ""); labels = labels (labels ? ", " : "") $1 " " int($3 + 0.5) }
        on && /^Total Test time/ { printf "%.0f s (by label, sec*proc: %s)", $6, labels; on = 0 }' "$log"
}
passed() { grep -E '^[0-9]+% tests passed' "$log" | sed -n "$1p" | sed -E 's/.* out of ([0-9]+)/\1/'; }
commit=$(git -C "$clone" rev-parse --short HEAD)
echo "## make test"
echo
echo "\`bash bench/suite/run.sh\`: \`make test\` in a fresh clone of HEAD ($commit) without ../shared, as CI"
echo "runs it, the packages already installed, $(nproc) cores: **$(printf '%.0f' "$wall") s** wall"
echo "($(printf '%.0f' "$user") s user, $(printf '%.0f' "$sys") s system), $(passed 1) host tests, $(passed 2)"
echo "fuzzers and $(passed 3) firmware tests green."
echo
echo "| part | seconds |"
echo "|---|---:|"
echo "| host build (rivet, libraries, unit tests; ninja span) | $(span build/host) |"
echo "| firmware build | $(span build/firmware) |"
echo "| fuzz build (the fuzzers, clang) | $(span build/fuzz) |"
echo "| \`ctest --preset host\` | $(suite 1) |"
echo "| \`ctest --preset fuzz\` | $(suite 2) |"
echo "| \`ctest --preset firmware\` | $(suite 3) |"
echo
echo "Before the unity builds (6f61927, 2026-12-06, measured the same way): 1422 s in all, the host"
echo "build 437 s, the firmware build 387 s, the fuzz build 253 s, the suites 81, 56 and 197 s."
echo
cat "$root/bench/suite/notes.md"
