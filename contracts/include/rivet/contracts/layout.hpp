// The linker-script symbols of firmware built with Rivet (cmake/Rivet.cmake,
// cmake/RivetFlipLink.cmake) that the host reads from the ELF: where the
// main stack lies. The firmware's startup code declares the
// same names as extern objects. Spec: docs/runner-contract.md.
#pragma once

namespace rivet::contracts::layout {

// The main stack: [stack_bottom, stack_top), the initial SP at stack_top.
inline constexpr char stack_bottom_symbol[] = "__stack_bottom__";
inline constexpr char stack_top_symbol[] = "__stack_top__";
// The MPU guard region below a flipped stack (Cortex-M3/M4); equal to
// stack_bottom when there is none.
inline constexpr char stack_guard_symbol[] = "__stack_guard__";

}  // namespace rivet::contracts::layout
