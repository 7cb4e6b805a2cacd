// The contract between on-target test firmware (firmware/testing,
// RIVET_TEST) and `rivet test` (host/test_runner): where the cases are, the
// layout of one case, and the handshake by which the host picks the case a
// run executes. Both sides compile this header, so the layout is written
// once. Spec: docs/test-contract.md.
#pragma once

#include <cstddef>
#include <cstdint>

namespace rivet::contracts::testing {

// The loaded, read-only section holding one case descriptor per RIVET_TEST,
// in link order. A C identifier, so that the linker defines
// __start_rivet_tests and __stop_rivet_tests around it (and keeps it)
// under any linker script.
inline constexpr char cases_section[] = "rivet_tests";

// The firmware calls this function with no_case in r0 once it is ready to
// run a case, and runs the case whose index it returns. The host breaks on
// its first instruction and puts the index of the case it wants in r0;
// with no host there, no_case comes back, and the firmware says so and
// exits with no_such_case_exit_code.
inline constexpr char ready_trap_symbol[] = "rivet_test_ready";
inline constexpr std::uint32_t no_case = 0xffffffffu;

// A case's attributes (basic_case::flags).
inline constexpr std::uint32_t flag_should_fail = 1u << 0;  // passes when it fails
inline constexpr std::uint32_t flag_ignore = 1u << 1;       // run only when asked
inline constexpr std::uint32_t known_flags = flag_should_fail | flag_ignore;

// The exit code of firmware asked for a case index it does not have (or
// for none: no_case).
inline constexpr int no_such_case_exit_code = 102;

// One case. The firmware instantiates it with a pointer to the name's
// NUL-terminated text and a function pointer; the host with 32-bit
// addresses. Both check the layout against the constants below.
template <class Text, class Function>
struct basic_case {
    Text name;
    Function function;
    std::uint32_t flags;
};

inline constexpr std::size_t case_size = 12;
inline constexpr std::size_t name_offset = 0;
inline constexpr std::size_t function_offset = 4;
inline constexpr std::size_t flags_offset = 8;

// True when the instantiation has the layout above (on a 32-bit target, or
// with 32-bit fields on the host).
template <class Case>
consteval bool has_contract_layout() {
    return sizeof(Case) == case_size && offsetof(Case, name) == name_offset &&
           offsetof(Case, function) == function_offset && offsetof(Case, flags) == flags_offset;
}

}  // namespace rivet::contracts::testing
