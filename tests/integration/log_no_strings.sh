#!/bin/bash
# The format strings live only in the non-loaded .rivet.log section: none of
# them appears in the bytes that are loaded (flashed). Also checks that the
# calls filtered at compile time left nothing at all.
# Called as: bash log_no_strings.sh OBJCOPY ELF [FILTERED_TEXT...]
set -u
OBJCOPY=$1
ELF=$2
shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$OBJCOPY" -O binary "$ELF" "$work/loaded.bin"
"$OBJCOPY" -O binary --only-section=.rivet.log --set-section-flags .rivet.log=alloc,load,contents "$ELF" "$work/meta.bin"
[ -s "$work/loaded.bin" ] || { echo "FAIL: nothing loaded in $ELF"; exit 1; }
[ -s "$work/meta.bin" ] || { echo "FAIL: no .rivet.log metadata in $ELF"; exit 1; }
checked=0
failures=0
# Every NUL-separated string of the metadata that holds a placeholder or is
# long enough to be telling.
while IFS= read -r text; do
    [ ${#text} -ge 6 ] || continue
    checked=$((checked + 1))
    if grep -qaF -- "$text" "$work/loaded.bin"; then
        echo "FAIL: '$text' is in the loaded image"
        failures=$((failures + 1))
    fi
done < <(tr '\0' '\n' <"$work/meta.bin" | grep -a '{\|[a-z]\{6,\}' | grep -av '\.cpp$')
for text in "$@"; do
    if grep -qaF -- "$text" "$ELF"; then
        echo "FAIL: '$text' (filtered at compile time) is in the ELF"
        failures=$((failures + 1))
    fi
done
[ "$checked" -gt 0 ] || { echo "FAIL: found no format strings to check"; exit 1; }
[ "$failures" = 0 ] || exit 1
echo "ok: none of $checked metadata strings is in the loaded image"
