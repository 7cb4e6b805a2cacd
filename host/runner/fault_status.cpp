// The pure part of a fault report: the fault status registers of ARMv7-M in
// words.
#include <rivet/runner/fault.hpp>

#include <fmt/format.h>

namespace rivet::runner {

std::vector<std::string> describe_fault_status(const fault_status& s) {
    std::vector<std::string> out;
    auto bit = [](std::uint32_t value, unsigned n) { return (value >> n) & 1u; };
    const bool mmar_valid = bit(s.cfsr, 7);
    const bool bfar_valid = bit(s.cfsr, 15);
    const std::string at_mmfar = mmar_valid ? fmt::format(" at 0x{:08x}", s.mmfar) : "";
    const std::string at_bfar = bfar_valid ? fmt::format(" at 0x{:08x}", s.bfar) : "";
    // MemManage (CFSR[7:0])
    if (bit(s.cfsr, 0))
        out.emplace_back("MPU: instruction fetch from a no-execute or no-access region" + at_mmfar);
    if (bit(s.cfsr, 1)) out.emplace_back("MPU: data access violation" + at_mmfar);
    if (bit(s.cfsr, 3)) out.emplace_back("MPU: fault while unstacking on exception return");
    if (bit(s.cfsr, 4)) out.emplace_back("MPU: fault while stacking for an exception entry");
    if (bit(s.cfsr, 5))
        out.emplace_back("MPU: fault during lazy floating-point state preservation");
    // BusFault (CFSR[15:8])
    if (bit(s.cfsr, 8)) out.emplace_back("bus fault on instruction fetch");
    if (bit(s.cfsr, 9)) out.emplace_back("precise bus fault" + at_bfar);
    if (bit(s.cfsr, 10))
        out.emplace_back("imprecise bus fault (a buffered write; the PC is past it)");
    if (bit(s.cfsr, 11)) out.emplace_back("bus fault while unstacking on exception return");
    if (bit(s.cfsr, 12)) out.emplace_back("bus fault while stacking for an exception entry");
    if (bit(s.cfsr, 13))
        out.emplace_back("bus fault during lazy floating-point state preservation");
    if (bfar_valid && !bit(s.cfsr, 9))
        out.emplace_back(fmt::format("bus fault address 0x{:08x}", s.bfar));
    // UsageFault (CFSR[31:16])
    if (bit(s.cfsr, 16)) out.emplace_back("undefined instruction");
    if (bit(s.cfsr, 17))
        out.emplace_back(
            "invalid state: execution in ARM state (a call through a bad function pointer?)");
    if (bit(s.cfsr, 18)) out.emplace_back("invalid EXC_RETURN value on exception return");
    if (bit(s.cfsr, 19))
        out.emplace_back("coprocessor instruction with the coprocessor disabled or absent (FPU?)");
    if (bit(s.cfsr, 24)) out.emplace_back("unaligned access");
    if (bit(s.cfsr, 25)) out.emplace_back("divide by zero");
    // HardFault status
    if (bit(s.hfsr, 1)) out.emplace_back("bus fault reading the vector table");
    if (bit(s.hfsr, 30))
        out.emplace_back(
            "escalated to HardFault (the fault's own handler is disabled or could not run)");
    if (bit(s.hfsr, 31)) out.emplace_back("debug event");
    return out;
}

}  // namespace rivet::runner
