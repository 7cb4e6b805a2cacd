// The LM3S6965's interrupts by name, from its SVD (the generated
// lm3s6965/interrupts.hpp: enum class irq, irq_count, the core configuration),
// made a device of firmware/cortex_m, whose NVIC, critical sections and
// vector table then take them: rivet::cortex_m::nvic::enable<irq::...>().
#pragma once

#include "lm3s6965/interrupts.hpp"
#include "rivet/cortex_m/device.hpp"

template <>
struct rivet::cortex_m::device<::lm3s6965::irq>
    : rivet::cortex_m::device_facts<::lm3s6965::irq_count, ::lm3s6965::core> {};

namespace rivet::lm3s6965 {
using irq = ::lm3s6965::irq;
}  // namespace rivet::lm3s6965
