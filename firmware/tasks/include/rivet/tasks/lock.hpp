// How a lock keeps out every task that could touch the resource: up to its
// ceiling, nothing below runs, nothing above waits (the Stack Resource
// Policy). On ARMv7-M, BASEPRI raised to the ceiling
// (rivet::cortex_m::with_priority_mask: MRS, MOVS, MSR BASEPRI_MAX; MSR); a
// ceiling at the most urgent level, which BASEPRI cannot mask, is a PRIMASK
// critical section. On ARMv6-M, which has no BASEPRI, the NVIC enables of the
// application's interrupts above the task's priority up to the ceiling are
// cleared and restored, as RTIC does on Cortex-M0. Each saves what it finds
// and restores it, so locks nest whichever context the inner one is taken
// through.
#pragma once

#include <utility>

#include "rivet/cortex_m/critical_section.hpp"
#include "rivet/cortex_m/device.hpp"
#include "rivet/cortex_m/interrupt_mask.hpp"

namespace rivet::tasks::detail {

// Runs f() with every task of priority up to Ceiling kept out. Lines: the
// application's interrupts of priority above the caller's up to Ceiling
// (used on ARMv6-M only).
template <class Irq, unsigned Ceiling, cortex_m::nvic::line_set<Irq> Lines, class F>
[[gnu::always_inline]] inline decltype(auto) at_ceiling(F&& f) {
    constexpr unsigned levels = cortex_m::priority_levels<Irq>;
    if constexpr (Ceiling >= levels) {
        return cortex_m::critical(std::forward<F>(f));
    } else if constexpr (cortex_m::device<Irq>::armv6m) {
        return cortex_m::nvic::with_lines_disabled<Irq, Lines>(std::forward<F>(f));
    } else {
        return cortex_m::with_priority_mask<Irq, levels - Ceiling>(std::forward<F>(f));
    }
}

}  // namespace rivet::tasks::detail
