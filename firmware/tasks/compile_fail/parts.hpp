// What the compile-fail cases share: the made-up Cortex-M3 (3 interrupts:
// alpha, beta, gamma; 3 priority bits, so priorities 1 to 8) and Cortex-M0
// (alpha, beta; 2 bits) of firmware/cortex_m/compile_fail/fake, and two
// resources.
#pragma once

#include <cstdint>

#include "fake_device.hpp"
#include "rivet/tasks/app.hpp"

namespace tasks = rivet::tasks;
using irq = fake::irq;

struct counter : tasks::shared<std::uint32_t> {};
struct scratch : tasks::local<std::uint32_t> {};
