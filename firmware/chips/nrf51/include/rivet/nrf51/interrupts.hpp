// The nRF51's interrupts by name, from its SVD (the generated
// nrf51/interrupts.hpp: enum class irq, irq_count, the core configuration),
// made a device of firmware/cortex_m, whose NVIC, critical sections and
// vector table then take them: rivet::cortex_m::nvic::enable<irq::...>().
#pragma once

#include "nrf51/interrupts.hpp"
#include "rivet/cortex_m/device.hpp"

template <>
struct rivet::cortex_m::device<::nrf51::irq>
    : rivet::cortex_m::device_facts<::nrf51::irq_count, ::nrf51::core> {};

namespace rivet::nrf51 {
using irq = ::nrf51::irq;
}  // namespace rivet::nrf51
