// Ending a firmware run with an exit code the runner passes on as its own.
#pragma once

namespace rivet {

// Reports `code` (0-255) to whoever runs the firmware and stops: the runner's
// breakpoint on rivet_exit_trap, else the semihosting host (QEMU), else the
// core sleeps forever.
[[noreturn]] void exit(int code) noexcept;

}  // namespace rivet
