// The build attributes an ARM toolchain records in .ARM.attributes: which
// architecture the code was compiled for and whether it uses the FPU, so
// that firmware can be refused before it runs on a core that lacks them.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace rivet::elf {

// The values of the AEABI tags that decide where code can run.
struct cpu_attributes {
    std::optional<unsigned> arch;  // Tag_CPU_arch: 10 v7, 11 v6-M, 12 v6S-M, 13 v7E-M, ...
    std::optional<char> profile;   // Tag_CPU_arch_profile: 'M' for microcontrollers
    unsigned fp_arch = 0;          // Tag_FP_arch: 0 when no FPU instructions are used
    bool fp_registers_abi = false;  // Tag_ABI_VFP_args: arguments in FPU registers (hard float)
};

// Parses the contents of .ARM.attributes (format version 'A', the "aeabi"
// vendor subsection, file-scope attributes). What cannot be parsed is
// left unknown: the attributes are advice, never a reason to refuse a file.
cpu_attributes parse_arm_attributes(std::span<const std::uint8_t> section);

// "ARMv7-M", "ARMv6-M", ... for Tag_CPU_arch (and the profile, which
// tells ARMv7-M from ARMv7-A/R); "architecture N" otherwise.
std::string arch_name(unsigned arch, std::optional<char> profile = std::nullopt);

}  // namespace rivet::elf
