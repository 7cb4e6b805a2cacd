# The SSD0303 driver by picture: ssd0303-pattern-lm3s811evb draws its test
# pattern on QEMU's lm3s811evb OLED, and check_screendump (lib.sh) compares
# a QMP screendump with the reviewed reference (third argument). The 384x64
# dump becomes a 96x16 picture of pure black and white pixels.
source "$(dirname "$0")/lib.sh"
check_screendump ssd0303 "${4:-ssd0303-pattern-lm3s811evb.elf}" 96x16 2 "$3"
finish
