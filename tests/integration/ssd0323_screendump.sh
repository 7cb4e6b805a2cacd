# The SSD0323 driver by picture: ssd0323-pattern-lm3s6965evb draws its test
# pattern on QEMU's lm3s6965evb OLED, and check_screendump (lib.sh) compares
# a QMP screendump with the reviewed reference (third argument); a fourth
# argument names another ELF (the gfx test firmware). The 512x256
# dump becomes a 128x64 picture of the 16 greys k * 17; QEMU's model
# reports commands it does not know ("ssd0323: error: Unknown command").
source "$(dirname "$0")/lib.sh"
check_screendump ssd0323 "${4:-ssd0323-pattern-lm3s6965evb.elf}" 128x64 16 "$3"
finish
