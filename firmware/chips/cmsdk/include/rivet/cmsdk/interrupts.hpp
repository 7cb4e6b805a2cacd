// The MPS2 AN385's interrupts by name, from ARM's CMSDK_CM3.svd with the
// AN385's own lines added (../../an385.yaml), as the generated
// cmsdk_cm3/interrupts.hpp has them (enum class irq, irq_count, the core),
// made a device of firmware/cortex_m, whose NVIC, critical sections and
// vector table then take them: rivet::cortex_m::nvic::enable<irq::...>().
#pragma once

#include "cmsdk_cm3/interrupts.hpp"
#include "rivet/cortex_m/device.hpp"

template <>
struct rivet::cortex_m::device<::cmsdk::irq>
    : rivet::cortex_m::device_facts<::cmsdk::irq_count, ::cmsdk::core> {};

namespace rivet::cmsdk {
using irq = ::cmsdk::irq;
}  // namespace rivet::cmsdk
