# `rivet run --input rtt` with input piped at once, before the firmware has
# even built its RTT control block: rivet holds the input until the down
# channel exists and has room, so no line is lost in any of 50 runs.
# tests/firmware/log/rtt_input.cpp logs each line back in upper case.
# Called by CTest as: bash rtt_input_piped.sh RIVET ELF_DIR ELF_NAME
source "$(dirname "$0")/lib.sh"
ELF=$3
input=$'hello world\nthe quick brown fox jumps over the lazy dog\nquit\n'
piped_runs 50 $'INFO  rtt: HELLO WORLD\nINFO  rtt: THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG\nINFO  rtt input: 61 bytes' \
    "$input" run "$FIRMWARE/$ELF" --input rtt --timeout 10
expect_no_qemu_left "${ELF%.elf}"
finish
