// The registers Rivet's GDB server shows the debugger, and the target
// description (target.xml) that names them. Rivet writes its own
// description from what the probe has, rather than passing on the probe's:
// the debugger's register numbers are then Rivet's, whatever server is
// behind the probe (QEMU, OpenOCD, pyOCD), and map to the probe's names.
#pragma once

#include <rivet/probe/probe.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace rivet::debug {

struct gdb_register {
    std::string name;  // the probe's name for it: "r0", "sp", "xpsr", "d3"
    unsigned bits = 32;
    std::string_view feature;  // "org.gnu.gdb.arm.m-profile", ...
    std::string_view type;     // "uint32", "code_ptr", "ieee_double", ...
};

// In the debugger's numbering: the M-profile core registers (r0-r12, sp,
// lr, pc, xpsr; always), then the system registers (msp, psp, primask,
// basepri, faultmask, control) and the FPU's (d0-d15, fpscr) that the
// probe has.
[[nodiscard]] std::vector<gdb_register> registers_of(const probe::probe& target);

// One self-contained target.xml (no includes) describing `registers`, each
// numbered by its index.
[[nodiscard]] std::string target_xml(const std::vector<gdb_register>& registers);

}  // namespace rivet::debug
