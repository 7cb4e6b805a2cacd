// The contract between firmware built with Rivet and the `rivet` runner: how
// an ELF names its board and how firmware reports its exit code. Included by
// both sides, so it holds only constants. Spec: docs/runner-contract.md.
#pragma once

#include <cstdint>

namespace rivet::contracts {

// Non-loaded ELF section holding the board description (the board's JSON text,
// NUL-terminated) that the firmware was built for.
inline constexpr char board_section[] = ".rivet.board";

// Non-loaded ELF section of NUL-terminated QEMU device specifications
// ("tmp105,address=0x48,id=sensor") the firmware expects on the emulated
// board (RIVET_EMULATED_DEVICE): `rivet run --probe qemu` adds each as a
// `-device`, so an example that reads a sensor runs without QEMU flags.
inline constexpr char emulated_devices_section[] = ".rivet.qemu.device";

// The vector table of firmware built with Rivet; the runner resets the
// core from it (other firmware: from the board's boot address).
inline constexpr char vector_table_symbol[] = "rivet_vector_table";

// Firmware calls this function with the exit code in r0 before anything else
// on exit. A runner that is not the semihosting host (any GDB server) puts a
// breakpoint here and reads r0.
inline constexpr char exit_trap_symbol[] = "rivet_exit_trap";

// Default fault handlers call this with the active exception number in r0
// (Rivet's own also with EXC_RETURN in r1 and the stacked frame's address in
// r2, LR unchanged: docs/runner-contract.md).
inline constexpr char fault_trap_symbol[] = "rivet_fault_trap";

// ARM semihosting, used for exit under QEMU: SYS_EXIT_EXTENDED with the
// parameter block {ADP_Stopped_ApplicationExit, code} carries the full code.
inline constexpr std::uint32_t semihosting_sys_exit = 0x18;
inline constexpr std::uint32_t semihosting_sys_exit_extended = 0x20;
inline constexpr std::uint32_t adp_stopped_application_exit = 0x20026;

}  // namespace rivet::contracts
