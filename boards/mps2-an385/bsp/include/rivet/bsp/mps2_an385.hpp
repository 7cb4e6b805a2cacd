// Board support for the ARM MPS2 board with the AN385 Cortex-M3 image
// (QEMU's mps2-an385): what is wired to what, by name. Every name is a
// CMSDK HAL type with its instance fixed, so the board costs nothing over
// the HAL; what the MPS2 images share is in rivet/cmsdk/mps2.hpp.
//
//   auto [console, led] = rivet::hal::take<board::console_uart<>, board::user_led0>();
//   auto delay = board::delay_timer::configure();
#pragma once

#include <cstdint>

#include "rivet/cmsdk/i2c.hpp"
#include "rivet/cmsdk/mps2.hpp"

namespace rivet::bsp::mps2_an385 {

// clock_hz, console_uart, console, uart, user_led0/1, user_button0/1,
// delay_timer, tick_timer, dual_timer and irq.
using namespace rivet::cmsdk::mps2;

// The four SBCon two-wire buses (bit-banged I2C, 100 kHz by default).
template <std::uint32_t SclHz = 100'000>
using touch_i2c = rivet::cmsdk::i2c::sbcon<0, clock_hz, SclHz>;
template <std::uint32_t SclHz = 100'000>
using audio_i2c = rivet::cmsdk::i2c::sbcon<1, clock_hz, SclHz>;
template <std::uint32_t SclHz = 100'000>
using shield0_i2c = rivet::cmsdk::i2c::sbcon<2, clock_hz, SclHz>;
template <std::uint32_t SclHz = 100'000>
using shield1_i2c = rivet::cmsdk::i2c::sbcon<3, clock_hz, SclHz>;

static_assert(wiring_is_distinct<touch_i2c<>, audio_i2c<>, shield0_i2c<>, shield1_i2c<>>,
              "the board's own wiring claims a line twice");

}  // namespace rivet::bsp::mps2_an385
