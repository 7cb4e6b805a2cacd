// Reset: bring C++ to life (FPU, VTOR, .data, .bss, constructors), run main,
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
