// Devices a firmware expects the emulated board to have beside its own: a
// sensor on I2C, say. The specification goes into a section the target
// never loads (docs/runner-contract.md); `rivet run` under QEMU adds it as
// `-device SPEC`, so the firmware runs without the user knowing QEMU flags.
// On real hardware the section is ignored: wire the device instead.
#pragma once

namespace rivet::detail {

// The specification lands in an assembler string: no quote, backslash or
// line break, and not empty.
consteval bool plain_device_specification(const char* spec) {
    if (*spec == '\0') return false;
    for (; *spec != '\0'; ++spec) {
        if (*spec == '"' || *spec == '\\' || *spec == '\n') return false;
    }
    return true;
}

}  // namespace rivet::detail

// At namespace scope, once per device, with a string literal:
//   RIVET_EMULATED_DEVICE("tmp105,address=0x48,id=sensor");
#define RIVET_EMULATED_DEVICE(spec)                                                    \
    static_assert(::rivet::detail::plain_device_specification(spec),                  \
                  "RIVET_EMULATED_DEVICE needs a non-empty QEMU device specification " \
                  "without quotes, backslashes or line breaks, e.g. \"tmp105,address=0x48\""); \
    __asm__(".pushsection .rivet.qemu.device,\"\",%progbits\n.asciz \"" spec           \
            "\"\n.popsection")
