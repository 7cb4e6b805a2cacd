// The STM32F405's interrupts by name, from its SVD (the generated
// stm32f405/interrupts.hpp: enum class irq, irq_count, the core configuration),
// made a device of firmware/cortex_m, whose NVIC, critical sections and
// vector table then take them: rivet::cortex_m::nvic::enable<irq::...>().
#pragma once

#include "rivet/cortex_m/device.hpp"
#include "stm32f405/interrupts.hpp"

template <>
struct rivet::cortex_m::device<::stm32f405::irq>
    : rivet::cortex_m::device_facts<::stm32f405::irq_count, ::stm32f405::core> {};

namespace rivet::stm32f405 {
using irq = ::stm32f405::irq;
}  // namespace rivet::stm32f405
