// A board of the fake Cortex-M3 (fake_device.hpp) for the compile-fail tests.
#pragma once

#include <cstddef>

namespace rivet::board {
inline constexpr std::size_t interrupt_count = 3;
}  // namespace rivet::board
