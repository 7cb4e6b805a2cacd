# The nRF51 RNG HAL hands out what QEMU's RNG model generates: QEMU draws
# the bytes from its guest random source, which `-seed N` makes
# deterministic. nrf51-rng-microbit logs its first bytes; two runs with the
# same seed must log the same ones, a run with another seed others.
source "$(dirname "$0")/lib.sh"
bytes_with_seed() {
    run_rivet run "$FIRMWARE/nrf51-rng-microbit.elf" --timeout 10 --qemu-arg=-seed --qemu-arg="$1"
    expect "rng with seed $1" 0 "INFO  rng ok" >&2
    grep -o "first [0-9 ]*" <<<"$out" | tr '\n' ' '
}
first=$(bytes_with_seed 7)
again=$(bytes_with_seed 7)
other=$(bytes_with_seed 8)
[ -n "$first" ] && [ "$first" = "$again" ] && pass "same seed, same bytes ($first)" ||
    fail "same seed gave '$first' then '$again'"
[ "$first" != "$other" ] && pass "another seed, other bytes" || fail "seeds 7 and 8 both gave '$first'"
expect_no_qemu_left "rng seed"
finish
