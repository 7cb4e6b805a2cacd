#include <rivet/contracts/runner.hpp>
#include <rivet/runtime/exit.hpp>
#include <rivet/runtime/semihosting.hpp>

#include <cstdint>

extern "C" [[gnu::noinline, gnu::used]] void rivet_exit_trap(int code) {
    asm volatile("" ::"r"(code) : "memory");
}

namespace rivet {

void exit(int code) noexcept {
    rivet_exit_trap(code);
#if RIVET_SEMIHOSTING
    namespace c = rivet::contracts;
    const std::uint32_t block[2] = {c::adp_stopped_application_exit,
                                    static_cast<std::uint32_t>(code)};
    semihosting::call(c::semihosting_sys_exit_extended, block);
#endif
    for (;;) asm volatile("wfi");
}

}  // namespace rivet
