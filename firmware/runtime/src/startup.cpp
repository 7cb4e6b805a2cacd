// Reset: bring C++ to life (FPU, VTOR, stack guard, .data, .bss, constructors), run main,
// exit with its result.
#include <rivet/board/config.hpp>
#include <rivet/runtime/exit.hpp>

#include <cstdint>

int main();

extern "C" {
// Symbols defined by Rivet's linker scripts.
extern std::uint32_t __data_start__[], __data_end__[];
extern const std::uint32_t __data_load__[];
extern std::uint32_t __bss_start__[], __bss_end__[];
using init_function = void (*)();
extern init_function __preinit_array_start[], __preinit_array_end[];
extern init_function __init_array_start[], __init_array_end[];
extern const std::uint32_t rivet_vector_table[];
// The no-access guard below the stack; its size is 0 without one (no MPU, or
// stack protection off). Their addresses are the values. Weak: a user's own
// linker script need not define them.
[[gnu::weak]] extern std::uint8_t __stack_guard__[];
[[gnu::weak]] extern std::uint8_t __stack_guard_size__[];

namespace {

// Makes the guard below the stack fault on any access, with the default map
// for everything else. PMSAv7 (Cortex-M3/M4): region 0, no access, execute
// never. PMSAv8 (Cortex-M33) has no no-access permission, but an address
// that two enabled regions cover faults on every access: regions 0 and 1
// both cover the guard.
void protect_stack_guard() {
#if !defined(__ARM_ARCH_6M__) && !defined(__ARM_ARCH_8M_BASE__)
    const auto guard_size = reinterpret_cast<std::uintptr_t>(__stack_guard_size__);
    const auto* mpu_type = reinterpret_cast<volatile std::uint32_t*>(0xE000ED90u);
    if (guard_size < 32 || ((*mpu_type >> 8) & 0xffu) == 0) return;
    auto* rnr = reinterpret_cast<volatile std::uint32_t*>(0xE000ED98u);
    auto* rbar = reinterpret_cast<volatile std::uint32_t*>(0xE000ED9Cu);
    auto* ctrl = reinterpret_cast<volatile std::uint32_t*>(0xE000ED94u);
    const auto base = reinterpret_cast<std::uint32_t>(__stack_guard__);
#if defined(__ARM_ARCH_8M_MAIN__)
    auto* rlar = reinterpret_cast<volatile std::uint32_t*>(0xE000EDA0u);
    const std::uint32_t limit = (base + guard_size - 1) & ~31u;
    for (std::uint32_t region = 0; region < 2; ++region) {
        *rnr = region;
        *rbar = (base & ~31u) | (1u << 0);  // XN; AP = read-write, privileged
        *rlar = limit | 1u;                 // LIMIT, AttrIndx 0, ENABLE
    }
#else
    auto* rasr = reinterpret_cast<volatile std::uint32_t*>(0xE000EDA0u);
    const auto size_field = static_cast<std::uint32_t>(__builtin_ctz(guard_size) - 1);
    *rnr = 0;
    *rbar = base;
    *rasr = (1u << 28) | (size_field << 1) | 1u;  // XN, AP = no access, SIZE, ENABLE
#endif
    *ctrl = (1u << 2) | 1u;  // PRIVDEFENA, ENABLE
    asm volatile("dsb\n isb" ::: "memory");
#endif
}

}  // namespace

[[noreturn, gnu::used]] void rivet_reset_handler() {
    if constexpr (rivet::board::has_fpu) {
        // CPACR: full access to CP10/CP11 before the first FP instruction.
        auto* cpacr = reinterpret_cast<volatile std::uint32_t*>(0xE000ED88u);
        *cpacr = *cpacr | (0xFu << 20);
        asm volatile("dsb\n isb" ::: "memory");
    }
    if constexpr (rivet::board::has_vtor) {
        // A debugger may reset us with VTOR still pointing elsewhere.
        *reinterpret_cast<volatile std::uint32_t*>(0xE000ED08u) =
            reinterpret_cast<std::uint32_t>(rivet_vector_table);
    }
    protect_stack_guard();
    // Volatile accesses keep GCC from turning these loops into calls to
    // memcpy/memset, which could themselves depend on initialised data.
    const std::uint32_t* source = __data_load__;
    for (auto* word = __data_start__; word < __data_end__; ++word, ++source) {
        *reinterpret_cast<volatile std::uint32_t*>(word) = *source;
    }
    for (auto* word = __bss_start__; word < __bss_end__; ++word) {
        *reinterpret_cast<volatile std::uint32_t*>(word) = 0;
    }
    for (auto* init = __preinit_array_start; init < __preinit_array_end; ++init) (*init)();
    for (auto* init = __init_array_start; init < __init_array_end; ++init) (*init)();
    rivet::exit(main());
}
}
