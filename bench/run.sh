#!/usr/bin/env bash
# `make bench`: runs every area's benchmark (bench/<area>/run.sh, each
# printing its own Markdown section) and writes BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
{
    echo "# Benchmarks"
    echo
    echo "Made by \`make bench\` (bench/run.sh, which runs bench/*/run.sh) on $(date -u +%Y-%m-%d),"
    echo "$(nproc) cores, $(uname -m). Each section names what it measured and how."
    for script in bench/*/run.sh; do
        echo
        bash "$script"
    done
} >BENCHMARKS.md.tmp
mv BENCHMARKS.md.tmp BENCHMARKS.md
cat BENCHMARKS.md
