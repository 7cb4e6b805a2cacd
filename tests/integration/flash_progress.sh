# rivet flash draws a progress bar per phase when stderr is a terminal and
# writes only its summary line otherwise.
source "$(dirname "$0")/lib.sh"
elf="$FIRMWARE/exit-0-lm3s6965evb.elf"

run_rivet flash "$elf"
expect "flash without a terminal" 0 "^loaded [0-9]+ bytes in [0-9.]+ ms \([0-9]+ KiB/s\), verified$"
[[ -z "$err" ]] && pass "no progress on a pipe" || fail "progress on a pipe: $err"

# script(1) gives rivet a pseudo-terminal; its output is the terminal's.
script -qec "$RIVET flash $elf" /dev/null >"$WORK/tty" 2>&1
code=$?
tty=$(tr -d '\033' <"$WORK/tty")
[[ $code -eq 0 ]] && pass "flash on a terminal exits 0" || fail "flash on a terminal exited $code"
for phase in load verify; do
    grep -qE "$(printf '%-7s' $phase) \[#{20}\] +[0-9.]+/[0-9.]+ KiB" <<<"$tty" &&
        pass "$phase bar drawn to its end" || fail "no finished $phase bar: $tty"
done
grep -qE "^loaded [0-9]+ bytes" <<<"$tty" && pass "summary after the bars" || fail "no summary: $tty"
expect_no_qemu_left "flash"
finish
